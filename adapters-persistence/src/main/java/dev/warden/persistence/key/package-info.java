/** Stored machine keys: public keys and metadata, never a private key. */
package dev.warden.persistence.key;
