package dev.warden.persistence.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.port.out.JwtAssertions.SignedAssertion;
import dev.warden.domain.key.RsaKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NimbusJwtAssertionsTest {

    private static final KeyPair PAIR = FakeRsaKeyGenerator.pair(0);
    private static final KeyPair OTHER = FakeRsaKeyGenerator.pair(1);
    private static final String PEM = RsaKeys.publicKeyPem((RSAPublicKey) PAIR.getPublic());
    private static final Instant IAT = Instant.parse("2030-01-01T00:00:00Z");

    private final NimbusJwtAssertions assertions = new NimbusJwtAssertions();

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("42").subject("42").audience("http://localhost:8080")
                .issueTime(Date.from(IAT)).expirationTime(Date.from(IAT.plusSeconds(600)))
                .notBeforeTime(Date.from(IAT)).jwtID("j-1").build();
    }

    private static String signed(JWSHeader header, KeyPair pair) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims());
        jwt.sign(new RSASSASigner(pair.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void rs256AssertionIsReadWithEveryClaimAndVerifiesWithItsKeyOnly() throws Exception {
        String compact = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("7").build(), PAIR);

        SignedAssertion parsed = assertions.parse(compact).orElseThrow();

        assertThat(parsed.algorithm()).isEqualTo("RS256");
        assertThat(parsed.keyId()).isEqualTo("7");
        assertThat(parsed.critical()).isEmpty();
        assertThat(parsed.carriesKeyReference()).isFalse();
        assertThat(parsed.claims().issuer()).isEqualTo("42");
        assertThat(parsed.claims().subject()).isEqualTo("42");
        assertThat(parsed.claims().audience()).containsExactly("http://localhost:8080");
        assertThat(parsed.claims().issuedAt()).contains(IAT);
        assertThat(parsed.claims().expiresAt()).contains(IAT.plusSeconds(600));
        assertThat(parsed.claims().notBefore()).contains(IAT);
        assertThat(parsed.claims().jwtId()).contains("j-1");
        assertThat(assertions.verifiesWith(parsed, PEM)).isTrue();
        assertThat(assertions.verifiesWith(parsed, RsaKeys.publicKeyPem((RSAPublicKey) OTHER.getPublic()))).isFalse();
        assertThat(assertions.verifiesWith(parsed, "not a pem")).isFalse();
        // Verifiers are kept by key: asking again gives the same answers.
        assertThat(assertions.verifiesWith(parsed, PEM)).isTrue();
        assertThat(assertions.verifiesWith(parsed, RsaKeys.publicKeyPem((RSAPublicKey) OTHER.getPublic()))).isFalse();
        assertThat(assertions.verifiesWith(parsed, "not a pem")).isFalse();
    }

    @Test
    void keyReferencesAndCriticalHeadersAreReported() throws Exception {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) OTHER.getPublic()).build();
        String withJwk = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("7").jwk(jwk).build(), OTHER);
        String withJku = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("7")
                .jwkURL(URI.create("https://evil.example/jwks")).build(), PAIR);
        String withCrit = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("7")
                .criticalParams(Set.of("exp")).customParam("exp", 1).type(JOSEObjectType.JWT).build(), PAIR);

        assertThat(assertions.parse(withJwk).orElseThrow().carriesKeyReference()).isTrue();
        assertThat(assertions.parse(withJku).orElseThrow().carriesKeyReference()).isTrue();
        SignedAssertion crit = assertions.parse(withCrit).orElseThrow();
        assertThat(crit.critical()).containsExactly("exp");
        assertThat(assertions.verifiesWith(crit, PEM)).isFalse();
    }

    @Test
    void hmacSignedWithThePublicKeyIsParsedButNeverVerifies() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("7").build(), claims());
        jwt.sign(new MACSigner(PEM.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        SignedAssertion parsed = assertions.parse(jwt.serialize()).orElseThrow();

        assertThat(parsed.algorithm()).isEqualTo("HS256");
        assertThat(assertions.verifiesWith(parsed, PEM)).isFalse();
    }

    @Test
    void unsignedOversizedAndGarbageAreNotAssertions() throws Exception {
        assertThat(assertions.parse(new PlainJWT(claims()).serialize())).isEmpty();
        String valid = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("7").build(), PAIR);
        assertThat(assertions.parse(valid + "x".repeat(NimbusJwtAssertions.MAX_LENGTH))).isEmpty();
        for (String garbage : List.of("", "a.b.c", "...", "eyJ.eyJ.", "\u0000")) {
            assertThat(assertions.parse(garbage)).as(garbage).isEqualTo(Optional.empty());
        }
        // JSON that is no claims set (an array; exp not a number) yields no claim a rule could accept.
        for (String odd : List.of("eyJhbGciOiJSUzI1NiJ9.W10.c2ln", "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOiJzb29uIn0.c2ln")) {
            assertThat(assertions.parse(odd).flatMap(a -> a.claims().expiresAt())).as(odd).isEmpty();
        }
    }
}
