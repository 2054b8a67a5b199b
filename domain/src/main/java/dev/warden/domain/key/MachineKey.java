package dev.warden.domain.key;

import dev.warden.domain.token.ExpirationInPastException;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A machine key as stored: the RSA public key with which a service user signs JWT-profile
 * assertions, as canonical PKIX PEM. The private key is never part of it: Warden hands a
 * generated one out once, in a {@link MachineKeyFile}, and keeps nothing of it.
 */
public record MachineKey(long id, long userId, long orgId, String publicKeyPem, Instant expiresAt, long sequence,
                         Instant createdAt, Instant changedAt) {

    /** ZITADEL's expiration for keys created without one. */
    public static final Instant NO_EXPIRATION = Instant.parse("9999-12-31T23:59:59Z");
    /** The longest stored PEM text; a {@value RsaKeys#MAX_MODULUS_BITS}-bit key needs about 2.9 KB. */
    public static final int MAX_PUBLIC_KEY_PEM_LENGTH = 4096;

    public MachineKey {
        if (id <= 0 || userId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if (publicKeyPem.length() > MAX_PUBLIC_KEY_PEM_LENGTH
                || !publicKeyPem.startsWith("-----BEGIN " + RsaKeys.PUBLIC_KEY_LABEL + "-----")
                || RsaKeys.parsePublicKeyPem(publicKeyPem).isEmpty()) {
            throw new IllegalArgumentException("public key must be an RSA key as PKIX PEM");
        }
    }

    /**
     * A new key for {@code publicKey}; a missing expiration means {@link #NO_EXPIRATION}, a past one
     * is refused, and so is a key of a size outside {@link RsaKeys#hasAcceptableSize}.
     */
    public static MachineKey create(long id, long userId, long orgId, RSAPublicKey publicKey, Instant expiresAtOrNull,
                                    Instant now) {
        if (!RsaKeys.hasAcceptableSize(Objects.requireNonNull(publicKey, "publicKey"))) {
            throw new IllegalArgumentException("RSA key must have " + RsaKeys.MIN_MODULUS_BITS + " to "
                    + RsaKeys.MAX_MODULUS_BITS + " bits");
        }
        Instant expiresAt = expiresAtOrNull == null ? NO_EXPIRATION : expiresAtOrNull;
        if (!expiresAt.isAfter(now)) {
            throw new ExpirationInPastException();
        }
        return new MachineKey(id, userId, orgId, RsaKeys.publicKeyPem(publicKey), expiresAt, 1, now, now);
    }

    /** The stored public key, for verifying signatures made with its private half. */
    public RSAPublicKey publicKey() {
        return RsaKeys.parsePublicKeyPem(publicKeyPem)
                .orElseThrow(() -> new IllegalStateException("checked when constructed"));
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        // The public key is no secret, but half a kilobyte of base64 helps no log line.
        return "MachineKey[id=" + id + ", userId=" + userId + ", orgId=" + orgId + ", bits="
                + publicKey().getModulus().bitLength() + ", expiresAt=" + expiresAt + ", sequence=" + sequence
                + ", createdAt=" + createdAt + ", changedAt=" + changedAt + "]";
    }
}
