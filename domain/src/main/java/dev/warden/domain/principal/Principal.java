package dev.warden.domain.principal;

import java.time.Instant;
import java.util.Objects;

/**
 * Who an authenticated request acts for: the user, the organization that owns it, the credential
 * it used (for invalidation and audit), until when that credential is valid, and what the
 * credential was issued with (scopes, audience, client) for introspection and audience checks.
 */
public record Principal(long userId, long orgId, String credentialId, String method, Instant expiresAt,
                       TokenDetails token) {
    public Principal {
        if (userId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(token, "token");
    }

    /** A principal whose credential is valid for every audience and carries no OAuth details. */
    public Principal(long userId, long orgId, String credentialId, String method, Instant expiresAt) {
        this(userId, orgId, credentialId, method, expiresAt, TokenDetails.NONE);
    }
}
