package dev.warden.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registered claims of an RFC 7523 assertion (JWT-profile grant or {@code private_key_jwt}
 * client authentication), as parsed, before any check. Absent claims are empty.
 */
public record AssertionClaims(String issuer, String subject, List<String> audience, Optional<Instant> issuedAt,
                              Optional<Instant> expiresAt, Optional<Instant> notBefore, Optional<String> jwtId) {
    public AssertionClaims {
        issuer = issuer == null ? "" : issuer;
        subject = subject == null ? "" : subject;
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(jwtId, "jwtId");
    }
}
