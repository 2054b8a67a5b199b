package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.domain.key.RsaKeys;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of every credential a client holds, issued over HTTP: a service user (JWT access tokens,
 * ORG_OWNER) with a PAT, a client secret and a key file; an API app that introspects; and a JWT
 * access token signed before. {@link #assertStillWork} proves them all on another node, after an
 * upgrade or a restore: the PAT, secret and key authenticate, and the old token verifies against
 * the node's JWKS and introspects as active.
 */
record IssuedCredentials(String userName, String userId, String pat, String clientSecret, String keyId,
                         RSAPrivateCrtKey key, String project, String appClientId, String appSecret,
                         String signedBefore) {

    /** The fixed issuer both nodes are configured with, so that assertions keep their audience. */
    static final String ISSUER = "https://warden.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    static IssuedCredentials issue(Api api, String admin, String name) throws Exception {
        String userId = ok(api.post("/management/v1/users/machine", admin, "{\"userName\":\"" + name
                + "\",\"name\":\"" + name + "\",\"accessTokenType\":\"ACCESS_TOKEN_TYPE_JWT\"}")).text("/userId");
        ok(api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + userId
                + "\",\"roles\":[\"ORG_OWNER\"]}"));
        String pat = ok(api.post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
        String secret = ok(api.put("/management/v1/users/" + userId + "/secret", admin, "{}")).text("/clientSecret");
        JsonNode keyFile = JSON.readTree(new String(Base64.getDecoder().decode(ok(api.post("/management/v1/users/"
                + userId + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}")).text("/keyDetails")), StandardCharsets.UTF_8));
        String project = ok(api.post("/management/v1/projects", admin, "{\"name\":\"" + name + "-api\"}")).text("/id");
        Api.Reply app = ok(api.post("/management/v1/projects/" + project + "/apps/api", admin, "{\"name\":\"rs\"}"));
        IssuedCredentials issued = new IssuedCredentials(name, userId, pat, secret, keyFile.get("keyId").asText(),
                RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.get("key").asText()).orElseThrow(), project,
                app.text("/clientId"), app.text("/clientSecret"), null);
        return issued.withSignedBefore(issued.clientCredentials(api));
    }

    private IssuedCredentials withSignedBefore(String token) {
        return new IssuedCredentials(userName, userId, pat, clientSecret, keyId, key, project, appClientId, appSecret,
                token);
    }

    /** Every credential authenticates on the node behind {@code api}, and the token signed before still holds. */
    void assertStillWork(Api api) throws Exception {
        assertThat(api.get("/management/v1/orgs/me", pat).status()).as(userName + "'s PAT").isEqualTo(200);
        assertThat(api.get("/management/v1/orgs/me", clientCredentials(api)).status())
                .as(userName + "'s client secret").isEqualTo(200);
        assertThat(api.get("/management/v1/orgs/me", jwtProfile(api)).status()).as(userName + "'s key")
                .isEqualTo(200);

        SignedJWT before = SignedJWT.parse(signedBefore);
        JWKSet keys = JWKSet.parse(ok(api.get("/oauth/v2/keys", null)).text());
        assertThat(before.verify(new RSASSAVerifier(keys.getKeyByKeyId(before.getHeader().getKeyID()).toRSAKey())))
                .as(userName + "'s token signed before, against the JWKS").isTrue();
        Api.Reply introspection = ok(api.form("/oauth/v2/introspect", appClientId, appSecret, "token=" + signedBefore));
        assertThat(introspection.at("/active").asBoolean()).as(introspection.text()).isTrue();
        assertThat(introspection.text("/sub")).isEqualTo(userId);
    }

    private String clientCredentials(Api api) {
        return ok(api.form("/oauth/v2/token", userName, clientSecret, "grant_type=client_credentials&scope="
                + scope())).text("/access_token");
    }

    private String jwtProfile(Api api) throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().issuer(userId).subject(userId).audience(ISSUER)
                        .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(key));
        return ok(api.form("/oauth/v2/token", null, null, "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type"
                + "%3Ajwt-bearer&scope=" + scope() + "&assertion=" + assertion.serialize())).text("/access_token");
    }

    /** The management API's audience and the project's, so that the API app may introspect the token. */
    private String scope() {
        return "openid+urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3Azitadel%3Aaud+urn%3Azitadel%3Aiam%3Aorg%3Aproject"
                + "%3Aid%3A" + project + "%3Aaud";
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }
}
