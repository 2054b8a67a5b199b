package dev.warden.persistence.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EphemeralRsaSigningKeysTest {

    private final EphemeralRsaSigningKeys keys = EphemeralRsaSigningKeys.generate();

    @Test
    void signedClaimsVerifyAndComeBack() throws Exception {
        String jwt = keys.sign(Map.of("iss", "http://localhost", "sub", "1", "exp", 4_000_000_000L, "aud",
                List.of("a", "b")));

        Map<String, Object> claims = keys.verify(jwt).orElseThrow();

        assertThat(claims).containsEntry("iss", "http://localhost").containsEntry("sub", "1")
                .containsEntry("exp", 4_000_000_000L);
        JWSHeader header = SignedJWT.parse(jwt).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(header.getType().getType()).isEqualTo("JWT");
        assertThat(header.getKeyID()).isEqualTo(keys.publishedKeys().getFirst().get("kid"));
    }

    @Test
    void tamperedForeignUnsignedAndHmacTokensDoNotVerify() throws Exception {
        String jwt = keys.sign(Map.of("sub", "1"));
        String[] parts = jwt.split("\\.");
        String other = EphemeralRsaSigningKeys.generate().sign(Map.of("sub", "1"));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID((String) keys.publishedKeys().getFirst().get("kid")).build(),
                new JWTClaimsSet.Builder().subject("1").build());
        hmac.sign(new MACSigner(JWK.parse(keys.publishedKeys().getFirst()).toRSAKey().toRSAPublicKey().getEncoded()));

        assertThat(keys.verify(parts[0] + "." + parts[1] + "x." + parts[2])).isEmpty();
        assertThat(keys.verify(other)).isEmpty();
        assertThat(keys.verify(new PlainJWT(new JWTClaimsSet.Builder().subject("1").build()).serialize())).isEmpty();
        assertThat(keys.verify(hmac.serialize())).isEmpty();
        assertThat(keys.verify("garbage")).isEmpty();
    }

    @Test
    void publishedKeysHoldPublicMembersOnly() {
        Map<String, Object> published = keys.publishedKeys().getFirst();

        assertThat(published).containsKeys("kty", "n", "e", "kid").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }
}
