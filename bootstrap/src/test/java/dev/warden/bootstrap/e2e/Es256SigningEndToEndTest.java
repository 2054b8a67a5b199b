package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code warden.oauth.signing.algorithm=ES256}: id tokens and JWT access tokens are signed with a
 * P-256 key that the JWKS publishes and discovery announces, and such tokens work on the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Es256SigningEndToEndTest {

    private WardenOnMariaDb warden;
    private Api api;
    private String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        warden = WardenOnMariaDb.start(dataDir, Map.of("warden.oauth.signing.algorithm", "ES256"));
        api = warden.api;
        admin = warden.adminPat;
    }

    @AfterAll
    void stop() {
        if (warden != null) {
            warden.close();
        }
    }

    @Test
    void idTokensAndJwtAccessTokensAreEs256AndVerifyWithThePublishedKey() throws Exception {
        Api.Reply discovery = api.get("/.well-known/openid-configuration", null);
        assertThat(discovery.at("/id_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\",\"RS256\"]");
        JWKSet jwks = JWKSet.parse(api.get("/oauth/v2/keys", null).text());
        assertThat(jwks.getKeys()).singleElement().isInstanceOf(ECKey.class);
        ECKey key = (ECKey) jwks.getKeys().getFirst();
        assertThat(key.isPrivate()).isFalse();

        String userId = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"ec-bot\",\"name\":\"ec-bot\",\"accessTokenType\":\"ACCESS_TOKEN_TYPE_JWT\"}").text("/userId");
        assertThat(api.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        String secret = api.put("/management/v1/users/" + userId + "/secret", admin, "{}").text("/clientSecret");
        String basic = Base64.getEncoder().encodeToString(("ec-bot:" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + warden.port() + "/oauth/v2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode(
                        "openid urn:zitadel:iam:org:project:id:zitadel:aud", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = new ObjectMapper().readTree(response.body());

        for (String field : List.of("/id_token", "/access_token")) {
            SignedJWT jwt = SignedJWT.parse(tokens.at(field).asText());
            assertThat(jwt.getHeader().getAlgorithm()).as(field).isEqualTo(JWSAlgorithm.ES256);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
            assertThat(jwt.verify(new ECDSAVerifier(key))).as(field).isTrue();
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(userId);
        }
        assertThat(api.get("/management/v1/orgs/me", tokens.at("/access_token").asText()).status()).isEqualTo(200);
    }
}
