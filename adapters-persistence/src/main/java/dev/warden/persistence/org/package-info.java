/** Stored organizations. */
package dev.warden.persistence.org;
