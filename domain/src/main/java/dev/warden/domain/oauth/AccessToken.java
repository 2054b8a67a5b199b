package dev.warden.domain.oauth;

import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth access token as stored, whatever its form: the user and organization it acts for, the
 * OAuth client id it was issued to (the service user's name), its form ({@link AccessTokenType}),
 * the machine key it was obtained with (JWT-profile grant; its deletion deletes the token), the
 * granted scopes and audience, and its lifetime. An opaque token ({@code wdn_at_…}) stores a
 * SHA-256 digest of its 256-bit random secret; a JWT access token stores none (its signature and
 * this row's existence make it valid).
 */
public record AccessToken(long id, long userId, long orgId, String clientId, AccessTokenType type,
                          Optional<Long> machineKeyId, List<String> scopes, List<String> audience,
                          Instant issuedAt, Instant expiresAt, Optional<String> secretDigest) {

    /** The longest stored text of the space-separated scopes, and of the audience. */
    public static final int MAX_LIST_LENGTH = 4000;

    public AccessToken {
        if (id <= 0 || userId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(machineKeyId, "machineKeyId");
        scopes = List.copyOf(scopes);
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(secretDigest, "secretDigest");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an access token must expire after it was issued");
        }
        if (String.join(" ", scopes).length() > MAX_LIST_LENGTH || String.join(" ", audience).length() > MAX_LIST_LENGTH) {
            throw new IllegalArgumentException("scopes and audience must each be at most " + MAX_LIST_LENGTH
                    + " characters");
        }
        if (scopes.stream().anyMatch(s -> s.isEmpty() || s.contains(" "))
                || audience.stream().anyMatch(a -> a.isEmpty() || a.contains(" "))) {
            throw new IllegalArgumentException("scopes and audience entries must be non-empty and without spaces");
        }
        if ((type == AccessTokenType.BEARER) != secretDigest.isPresent()) {
            throw new IllegalArgumentException("exactly the opaque (bearer) tokens carry a secret digest");
        }
        if (machineKeyId.isPresent() && machineKeyId.get() <= 0) {
            throw new IllegalArgumentException("machine key id must be positive");
        }
    }

    /** A new opaque token for the secret of {@code token}, which must be an access token with this id. */
    public static AccessToken opaque(OpaqueToken token, long userId, long orgId, String clientId,
                                     Optional<Long> machineKeyId, List<String> scopes, List<String> audience,
                                     Instant issuedAt, Instant expiresAt) {
        if (token.kind() != TokenKind.ACCESS_TOKEN) {
            throw new IllegalArgumentException("not an access token");
        }
        return new AccessToken(token.id(), userId, orgId, clientId, AccessTokenType.BEARER, machineKeyId, scopes,
                audience, issuedAt, expiresAt, Optional.of(digestOf(token.secret())));
    }

    /** A new JWT access token's row: the JWT's {@code jti} is {@code id}. */
    public static AccessToken jwt(long id, long userId, long orgId, String clientId, Optional<Long> machineKeyId,
                                  List<String> scopes, List<String> audience, Instant issuedAt, Instant expiresAt) {
        return new AccessToken(id, userId, orgId, clientId, AccessTokenType.JWT, machineKeyId, scopes, audience,
                issuedAt, expiresAt, Optional.empty());
    }

    /**
     * SHA-256 of the secret, base64url: enough for a 256-bit random secret (no dictionary to
     * search), and cheap enough for every request that misses the cache.
     */
    public static String digestOf(byte[] secret) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Whether {@code secret} is this opaque token's secret; constant time; false for JWT tokens. */
    public boolean matches(byte[] secret) {
        return secretDigest.isPresent() && MessageDigest.isEqual(
                secretDigest.get().getBytes(StandardCharsets.US_ASCII),
                digestOf(secret).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", userId=" + userId + ", orgId=" + orgId + ", clientId=" + clientId
                + ", type=" + type + ", machineKeyId=" + machineKeyId + ", scopes=" + scopes + ", audience="
                + audience + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
