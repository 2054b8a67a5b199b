package dev.warden.application.port.out;

import dev.warden.domain.oauth.AssertionClaims;

import java.util.Optional;
import java.util.Set;

/**
 * Driven port: reading and checking the signature of client-made JWTs (RFC 7523 assertions).
 * The claim rules are {@link dev.warden.domain.oauth.AssertionRules}; the algorithm pin and
 * header rules are the verifier's, with what {@link SignedAssertion} tells.
 */
public interface JwtAssertions {

    /** A compact JWS split and its JSON read, nothing trusted yet; empty when it is not one (or too large). */
    Optional<SignedAssertion> parse(String compact);

    /** Whether the assertion's signature verifies as RS256 with this RSA public key (PKIX PEM). */
    boolean verifiesWith(SignedAssertion assertion, String publicKeyPem);

    /**
     * A parsed assertion: header {@code alg} and {@code kid}, the {@code crit} names, whether the
     * header tries to name its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), its
     * claims, and the adapter's parsed form for {@link #verifiesWith}.
     */
    record SignedAssertion(String algorithm, String keyId, Set<String> critical, boolean carriesKeyReference,
                           AssertionClaims claims, Object parsed) {
        public SignedAssertion {
            algorithm = algorithm == null ? "" : algorithm;
            keyId = keyId == null ? "" : keyId;
            critical = Set.copyOf(critical);
        }

        @Override
        public String toString() {
            return "SignedAssertion[alg=" + algorithm + ", kid=" + keyId + ", iss=" + claims.issuer() + "]";
        }
    }
}
