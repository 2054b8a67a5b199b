/**
 * Machine key routes of the management API (contract §6.2). A generated private key leaves Warden
 * exactly once, inside {@code keyDetails} of the answer to its creation; no other wire record here
 * can carry it, and none carries a public key.
 */
package dev.warden.http.key;
