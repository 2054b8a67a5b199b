/**
 * Driving adapter: the public JWKS and OpenID discovery documents, and the instance
 * administrators' signing-key routes ({@code /admin/v1/signing_keys}).
 */
package dev.warden.http.signing;
