/** Stored personal access tokens (hashes and metadata, never the tokens) and the batched recording of their use. */
package dev.warden.persistence.token;
