/**
 * Warden's token signing keys: RSA key pairs stored with the private key sealed under the master
 * key, held in memory for signing and verifying, rotated through the administration API and
 * reloaded when another node rotates them.
 */
package dev.warden.persistence.signing;
