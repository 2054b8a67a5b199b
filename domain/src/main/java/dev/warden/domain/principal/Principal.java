package dev.warden.domain.principal;

import java.time.Instant;
import java.util.Objects;

/**
 * Who an authenticated request acts for: the user, the organization that owns it, the credential
 * it used (for invalidation and audit) and until when that credential is valid.
 */
public record Principal(long userId, long orgId, String credentialId, String method, Instant expiresAt) {
    public Principal {
        if (userId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
