package dev.warden.application.oauth;

import dev.warden.domain.id.Ids;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a JWT access token that verification needs, read from the verified claims map:
 * {@code iss}, {@code sub} (user id), {@code jti} (token id) and {@code exp}. Empty when one is
 * missing or of the wrong type.
 */
record JwtAccessTokenClaims(String issuer, long userId, long tokenId, Instant expiresAt) {

    static Optional<JwtAccessTokenClaims> of(Map<String, Object> claims) {
        if (!(claims.get("iss") instanceof String iss) || !(claims.get("sub") instanceof String sub)
                || !(claims.get("jti") instanceof String jti) || !(claims.get("exp") instanceof Number exp)) {
            return Optional.empty();
        }
        Optional<Long> userId = Ids.parse(sub);
        Optional<Long> tokenId = Ids.parse(jti);
        if (userId.isEmpty() || tokenId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JwtAccessTokenClaims(iss, userId.get(), tokenId.get(),
                Instant.ofEpochSecond(exp.longValue())));
    }
}
