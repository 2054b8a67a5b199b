/** Driven ports: what the use cases need from persistence, hashing and caching. */
package dev.warden.application.port.out;
