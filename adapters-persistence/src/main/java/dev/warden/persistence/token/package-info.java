/** Stored personal access tokens: hashes and metadata, never the tokens. */
package dev.warden.persistence.token;
