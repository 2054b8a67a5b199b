/** Personal access tokens, the opaque token format and stored secret hashes. */
package dev.warden.domain.token;
