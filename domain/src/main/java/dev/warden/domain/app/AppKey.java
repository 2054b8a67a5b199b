package dev.warden.domain.app;

import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.token.ExpirationInPastException;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A key of an API application, as stored: only the RSA public key, as PKIX PEM, with which the app
 * signs its client assertions. The private half is handed out once in an {@link AppKeyFile}.
 */
public record AppKey(long id, long appId, long projectId, long orgId, String publicKeyPem, Instant expiresAt,
                     long sequence, Instant createdAt, Instant changedAt) {

    /** ZITADEL's expiration for keys created without one. */
    public static final Instant NO_EXPIRATION = Instant.parse("9999-12-31T23:59:59Z");

    public AppKey {
        if (id <= 0 || appId <= 0 || projectId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if (publicKeyPem.length() > 4096
                || !publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----")
                || RsaKeys.parsePublicKeyPem(publicKeyPem).isEmpty()) {
            throw new IllegalArgumentException("public key must be an RSA key as PKIX PEM");
        }
    }

    /** A new key; a missing expiration means {@link #NO_EXPIRATION}, a past one is refused. */
    public static AppKey create(long id, ApiApp app, RSAPublicKey publicKey, Instant expiresAtOrNull, Instant now) {
        if (!RsaKeys.hasAcceptableSize(Objects.requireNonNull(publicKey, "publicKey"))) {
            throw new IllegalArgumentException("RSA key size not acceptable");
        }
        Instant expiresAt = expiresAtOrNull == null ? NO_EXPIRATION : expiresAtOrNull;
        if (!expiresAt.isAfter(now)) {
            throw new ExpirationInPastException();
        }
        return new AppKey(id, app.id(), app.projectId(), app.orgId(), RsaKeys.publicKeyPem(publicKey), expiresAt, 1,
                now, now);
    }

    @Override
    public String toString() {
        return "AppKey[id=" + id + ", appId=" + appId + ", projectId=" + projectId + ", orgId=" + orgId
                + ", expiresAt=" + expiresAt + ", sequence=" + sequence + "]";
    }
}
