package dev.warden.application.fakes;

import dev.warden.application.port.out.JwtAssertions;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.oauth.AssertionClaims;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Test double of {@link JwtAssertions} without a JSON parser: it knows the header and claims of
 * the assertions made with {@link #assertion} (the test's client), and nothing else parses. The
 * signature check is real: RS256 with the given public key over the compact form's first two
 * parts, whatever was registered.
 */
public final class FakeJwtAssertions implements JwtAssertions {

    private final ConcurrentMap<String, SignedAssertion> known = new ConcurrentHashMap<>();

    /**
     * A signed compact JWS with this header and these claims, as a client makes it.
     *
     * @param header e.g. {@code alg}, {@code kid}; {@code crit} a list, key-reference members any value
     */
    public String assertion(Map<String, Object> header, AssertionClaims claims, PrivateKey key) {
        String compact = TestJws.sign(header, json(claims), key);
        @SuppressWarnings("unchecked")
        List<String> crit = (List<String>) header.getOrDefault("crit", List.of());
        boolean keyReference = header.keySet().stream().anyMatch(Set.of("jwk", "jku", "x5u", "x5c")::contains);
        String[] parts = compact.split("\\.");
        known.put(parts[0] + "." + parts[1], new SignedAssertion((String) header.get("alg"),
                (String) header.get("kid"), Set.copyOf(crit), keyReference, claims, null));
        return compact;
    }

    @Override
    public Optional<SignedAssertion> parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || compact.length() > 8192) {
            return Optional.empty();
        }
        SignedAssertion registered = known.get(parts[0] + "." + parts[1]);
        return registered == null ? Optional.empty() : Optional.of(new SignedAssertion(registered.algorithm(),
                registered.keyId(), registered.critical(), registered.carriesKeyReference(), registered.claims(),
                compact));
    }

    @Override
    public boolean verifiesWith(SignedAssertion assertion, String publicKeyPem) {
        return "RS256".equals(assertion.algorithm()) && assertion.parsed() instanceof String compact
                && RsaKeys.parsePublicKeyPem(publicKeyPem).filter(key -> TestJws.verifies(compact, key)).isPresent();
    }

    private static Map<String, Object> json(AssertionClaims claims) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iss", claims.issuer());
        json.put("sub", claims.subject());
        json.put("aud", claims.audience());
        claims.issuedAt().ifPresent(t -> json.put("iat", t.getEpochSecond()));
        claims.expiresAt().ifPresent(t -> json.put("exp", t.getEpochSecond()));
        claims.notBefore().ifPresent(t -> json.put("nbf", t.getEpochSecond()));
        claims.jwtId().ifPresent(j -> json.put("jti", j));
        return json;
    }

    /** Claims of {@code userId} for {@code audience}, issued at {@code iat}, valid for {@code seconds}. */
    public static AssertionClaims claims(long userId, String audience, Instant iat, long seconds, String jti) {
        return new AssertionClaims(Long.toString(userId), Long.toString(userId), List.of(audience), Optional.of(iat),
                Optional.of(iat.plusSeconds(seconds)), Optional.empty(), Optional.ofNullable(jti));
    }
}
