/**
 * Slow cryptography off the request threads, with bounded concurrency: argon2id hashing of
 * secrets and RSA key-pair generation for machine keys.
 */
package dev.warden.persistence.crypto;
