/** Warden's use cases, their ports and the authentication extension point. */
package dev.warden.application;
