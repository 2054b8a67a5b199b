package dev.warden.persistence.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.application.port.out.JwtAssertions;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.oauth.AssertionClaims;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Driven adapter: client assertions read with Nimbus JOSE. {@link #parse} trusts nothing: it
 * splits and reads a compact JWS (at most {@value #MAX_LENGTH} characters) and reports what the
 * header says; {@link #verifiesWith} checks an RS256 signature with the one key the caller chose
 * (keys named by the assertion itself are never used). Never throws on garbage.
 */
public final class NimbusJwtAssertions implements JwtAssertions {

    /** Client assertions are well under 2 KB; anything over this is refused unread. */
    public static final int MAX_LENGTH = 8192;

    /**
     * Verifiers by PEM text: decoding a key costs about as much as checking a signature with it,
     * and the same few keys sign every assertion. Keyed by the key itself, so never stale.
     */
    private final Cache<String, Optional<RSASSAVerifier>> verifiers = Caffeine.newBuilder()
            .maximumSize(10_000)
            .executor(Runnable::run)
            .build();

    @Override
    public Optional<SignedAssertion> parse(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Set<String> critical = header.getCriticalParams() == null ? Set.of() : header.getCriticalParams();
            boolean keyReference = header.getJWK() != null || header.getJWKURL() != null
                    || header.getX509CertURL() != null || header.getX509CertChain() != null;
            List<String> audience = claims.getAudience() == null ? List.of() : claims.getAudience();
            return Optional.of(new SignedAssertion(header.getAlgorithm().getName(), header.getKeyID(), critical,
                    keyReference, new AssertionClaims(claims.getIssuer(), claims.getSubject(),
                    audience.stream().filter(a -> a != null).toList(), instant(claims.getIssueTime()),
                    instant(claims.getExpirationTime()), instant(claims.getNotBeforeTime()),
                    Optional.ofNullable(claims.getJWTID()).filter(j -> !j.isEmpty())), jwt));
        } catch (ParseException | RuntimeException e) {
            // Not a JWS, or claims of the wrong types: not an assertion.
            return Optional.empty();
        }
    }

    @Override
    public boolean verifiesWith(SignedAssertion assertion, String publicKeyPem) {
        if (!(assertion.parsed() instanceof SignedJWT jwt) || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        Optional<RSASSAVerifier> verifier = verifiers.get(publicKeyPem, NimbusJwtAssertions::verifierOf);
        if (verifier.isEmpty()) {
            return false;
        }
        try {
            // The verifier refuses any critical header parameter it does not know.
            return jwt.verify(verifier.get());
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<RSASSAVerifier> verifierOf(String publicKeyPem) {
        return RsaKeys.parsePublicKeyPem(publicKeyPem).map(RSASSAVerifier::new);
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
