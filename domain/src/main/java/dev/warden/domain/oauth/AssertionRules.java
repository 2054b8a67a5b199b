package dev.warden.domain.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim checks every assertion passes, whatever it authenticates (RFC 7523 §3 and Warden's
 * security bar): {@code iss} = {@code sub} (no delegation), {@code aud} names this issuer (or one
 * of its endpoint URLs, which RFC 7523 allows), {@code exp} present and not passed, {@code iat}
 * (optional in RFC 7523) not in the future, lifetime and age at most {@code maxLifetime} (without
 * {@code iat}: {@code exp} at most {@code maxLifetime} ahead), {@code nbf} reached; each within
 * {@code clockSkew}. The signature and header checks are the verifier's.
 */
public record AssertionRules(String issuer, List<String> acceptedAudiences, Duration maxLifetime,
                             Duration clockSkew) {

    public AssertionRules {
        Objects.requireNonNull(issuer, "issuer");
        acceptedAudiences = List.copyOf(acceptedAudiences);
        if (!acceptedAudiences.contains(issuer)) {
            throw new IllegalArgumentException("the issuer must be an accepted audience");
        }
        if (maxLifetime.isNegative() || maxLifetime.isZero() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("lifetime must be positive and skew not negative");
        }
    }

    /** Rules for an issuer whose endpoints are the given URLs (token, introspection, revocation). */
    public static AssertionRules forIssuer(String issuer, List<String> endpointUrls, Duration maxLifetime,
                                           Duration clockSkew) {
        var audiences = new java.util.ArrayList<String>();
        audiences.add(issuer);
        audiences.addAll(endpointUrls);
        return new AssertionRules(issuer, audiences, maxLifetime, clockSkew);
    }

    /** Why these claims are refused at {@code now}; empty when they pass. For logs, never for clients. */
    public Optional<String> violation(AssertionClaims claims, Instant now) {
        if (claims.issuer().isEmpty()) {
            return Optional.of("iss missing");
        }
        if (!claims.issuer().equals(claims.subject())) {
            return Optional.of("iss and sub differ (delegation is not allowed)");
        }
        if (claims.audience().stream().noneMatch(acceptedAudiences::contains)) {
            return Optional.of("aud does not name this issuer");
        }
        if (claims.expiresAt().isEmpty()) {
            return Optional.of("exp missing");
        }
        Instant exp = claims.expiresAt().get();
        if (!now.isBefore(exp.plus(clockSkew))) {
            return Optional.of("expired");
        }
        if (claims.issuedAt().isEmpty()) {
            // RFC 7523 makes iat optional (Nimbus's private_key_jwt omits it): the lifetime left
            // must then fit the maximum.
            if (exp.isAfter(now.plus(maxLifetime).plus(clockSkew))) {
                return Optional.of("without iat, exp lies further ahead than the maximum lifetime");
            }
        } else {
            Instant iat = claims.issuedAt().get();
            if (iat.isAfter(now.plus(clockSkew))) {
                return Optional.of("iat in the future");
            }
            if (iat.isBefore(now.minus(maxLifetime).minus(clockSkew))) {
                return Optional.of("iat older than the maximum lifetime");
            }
            if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
                return Optional.of("lifetime longer than the maximum");
            }
            if (!exp.isAfter(iat)) {
                return Optional.of("exp not after iat");
            }
        }
        if (claims.notBefore().isPresent() && claims.notBefore().get().isAfter(now.plus(clockSkew))) {
            return Optional.of("not yet valid (nbf)");
        }
        return Optional.empty();
    }

    /** Until when a replay of an assertion with these claims must be refused. */
    public Instant replayWindowEnd(AssertionClaims claims) {
        return claims.expiresAt().orElseThrow().plus(clockSkew);
    }
}
