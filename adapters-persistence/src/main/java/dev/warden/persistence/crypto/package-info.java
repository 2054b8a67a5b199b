/** Slow, salted hashing of secrets (argon2id), off the request threads and with bounded concurrency. */
package dev.warden.persistence.crypto;
