/** Shared rules of the machine-key use cases: finding a key of a user in the current organization. */
package dev.warden.application.key;
