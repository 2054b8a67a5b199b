package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.domain.key.RsaKeys;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth token endpoint and revocation through the real server on MariaDB, driven by the Nimbus
 * OAuth 2.0 SDK as a real client: client credentials (Basic and post), the JWT profile with the
 * key file Warden generated, JWT access tokens, and the refusals of the security bar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthEndToEndTest {

    private static final String ISSUER = "https://warden.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope MANAGEMENT = new Scope("openid", "urn:zitadel:iam:org:project:id:zitadel:aud");

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;
    private URI tokenEndpoint;
    private URI revocationEndpoint;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        database = new TestMariaDb();
        warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.external.url", ISSUER,
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD)))));
        api = new Api(warden.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
        tokenEndpoint = URI.create("http://127.0.0.1:" + warden.port() + "/oauth/v2/token");
        revocationEndpoint = URI.create("http://127.0.0.1:" + warden.port() + "/oauth/v2/revoke");
    }

    @AfterAll
    void stop() {
        if (warden != null) {
            warden.close();
        }
        database.close();
    }

    /** A service user that owns its org (so GET /orgs/me is allowed) with the given token type. */
    private String user(String name, String tokenType) {
        String userId = api.post("/management/v1/users/machine", admin, "{\"userName\":\"" + name + "\",\"name\":\""
                + name + "\",\"accessTokenType\":\"" + tokenType + "\"}").text("/userId");
        Api.Reply member = api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + userId
                + "\",\"roles\":[\"ORG_OWNER\"]}");
        assertThat(member.status()).as(member.text()).isEqualTo(200);
        return userId;
    }

    private String secretOf(String userId) {
        return api.put("/management/v1/users/" + userId + "/secret", admin, "{}").text("/clientSecret");
    }

    private record KeyFile(String keyId, RSAPrivateCrtKey privateKey) {
    }

    private KeyFile keyOf(String userId) throws Exception {
        Api.Reply added = api.post("/management/v1/users/" + userId + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}");
        JsonNode file = JSON.readTree(new String(Base64.getDecoder().decode(added.text("/keyDetails")),
                StandardCharsets.UTF_8));
        return new KeyFile(file.get("keyId").asText(),
                RsaKeys.parsePrivateKeyPkcs1Pem(file.get("key").asText()).orElseThrow());
    }

    private TokenResponse request(ClientAuthentication client, AuthorizationGrant grant, Scope scope)
            throws Exception {
        TokenRequest request = client == null ? new TokenRequest(tokenEndpoint, grant, scope)
                : new TokenRequest(tokenEndpoint, client, grant, scope);
        HTTPResponse response = request.toHTTPRequest().send();
        assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        return OIDCTokenResponseParser.parse(response);
    }

    private OIDCTokens tokens(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as(String.valueOf(response instanceof TokenErrorResponse e
                ? e.getErrorObject().toJSONObject() : "")).isTrue();
        return ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    private int orgsMe(String accessToken) {
        return api.get("/management/v1/orgs/me", accessToken).status();
    }

    private static JWTClaimsSet.Builder assertionClaims(String userId, Instant iat, Instant exp) {
        return new JWTClaimsSet.Builder().issuer(userId).subject(userId).audience(ISSUER)
                .issueTime(Date.from(iat)).expirationTime(Date.from(exp)).jwtID(UUID.randomUUID().toString());
    }

    private static String sign(KeyFile key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).build(), claims);
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    private TokenResponse jwtProfile(String assertion) throws Exception {
        return request(null, new JWTBearerGrant(SignedJWT.parse(assertion)), MANAGEMENT);
    }

    private TokenResponse jwtProfileRaw(String assertion) throws Exception {
        // A grant Nimbus would not build (unsigned, HMAC): sent as the form a client would.
        var http = new com.nimbusds.oauth2.sdk.http.HTTPRequest(com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.POST,
                tokenEndpoint);
        http.setContentType("application/x-www-form-urlencoded");
        http.setBody("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&scope=openid&assertion="
                + assertion);
        return OIDCTokenResponseParser.parse(http.send());
    }

    private static void assertInvalidGrant(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        TokenErrorResponse error = response.toErrorResponse();
        assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(400);
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void clientSecretBasicAndPostGetTokensThatWorkOnTheManagementApiOnlyWithItsAudience() throws Exception {
        String userId = user("cc-bot", "ACCESS_TOKEN_TYPE_BEARER");
        Secret secret = new Secret(secretOf(userId));
        ClientID clientId = new ClientID("cc-bot");

        OIDCTokens basic = tokens(request(new ClientSecretBasic(clientId, secret), new ClientCredentialsGrant(),
                MANAGEMENT));
        OIDCTokens post = tokens(request(new ClientSecretPost(clientId, secret), new ClientCredentialsGrant(),
                MANAGEMENT));
        OIDCTokens withoutAudience = tokens(request(new ClientSecretBasic(clientId, secret),
                new ClientCredentialsGrant(), new Scope("openid", "profile")));

        assertThat(basic.getAccessToken().getValue()).startsWith("wdn_at_");
        assertThat(basic.getAccessToken().getLifetime()).isEqualTo(43200);
        assertThat(basic.getAccessToken().getScope()).isEqualTo(MANAGEMENT);
        assertThat(basic.getIDToken().getJWTClaimsSet().getSubject()).isEqualTo(userId);
        assertThat(basic.getIDToken().getJWTClaimsSet().getExpirationTime())
                .isAfter(basic.getIDToken().getJWTClaimsSet().getIssueTime());
        assertThat(basic.getRefreshToken()).isNull();
        assertThat(orgsMe(basic.getAccessToken().getValue())).isEqualTo(200);
        assertThat(orgsMe(post.getAccessToken().getValue())).isEqualTo(200);
        assertThat(orgsMe(withoutAudience.getAccessToken().getValue())).isEqualTo(401);
    }

    @Test
    void wrongSecretIs401InvalidClientWithAChallenge() throws Exception {
        String userId = user("wrong-secret-bot", "ACCESS_TOKEN_TYPE_BEARER");
        secretOf(userId);

        TokenRequest request = new TokenRequest(tokenEndpoint, new ClientSecretBasic(new ClientID("wrong-secret-bot"),
                new Secret("not-the-secret")), new ClientCredentialsGrant(), MANAGEMENT);
        HTTPResponse response = request.toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("Basic");
        assertThat(TokenErrorResponse.parse(response).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void jwtProfileWithTheGeneratedKeyFileGetsAToken() throws Exception {
        String userId = user("jwt-profile-bot", "ACCESS_TOKEN_TYPE_BEARER");
        KeyFile key = keyOf(userId);
        Instant now = Instant.now();

        OIDCTokens tokens = tokens(jwtProfile(sign(key, assertionClaims(userId, now, now.plusSeconds(300)).build())));

        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);
    }

    @Test
    void forgedExpiredMisaddressedAndReplayedAssertionsAreInvalidGrant() throws Exception {
        String userId = user("forger-target", "ACCESS_TOKEN_TYPE_BEARER");
        KeyFile key = keyOf(userId);
        Instant now = Instant.now();
        String publicPem = api.get("/management/v1/users/" + userId + "/keys/" + key.keyId(), admin).text();

        assertInvalidGrant(jwtProfileRaw(new PlainJWT(assertionClaims(userId, now, now.plusSeconds(300)).build())
                .serialize()));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.keyId()).build(),
                assertionClaims(userId, now, now.plusSeconds(300)).build());
        hmac.sign(new MACSigner(RsaKeys.publicKeyPem((java.security.interfaces.RSAPublicKey)
                java.security.KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(
                        key.privateKey().getModulus(), key.privateKey().getPublicExponent())))
                .getBytes(StandardCharsets.US_ASCII)));
        assertInvalidGrant(jwtProfileRaw(hmac.serialize()));
        assertInvalidGrant(jwtProfile(sign(key, assertionClaims(userId, now.minusSeconds(600), now.minusSeconds(300))
                .build())));
        assertInvalidGrant(jwtProfile(sign(key, assertionClaims(userId, now.plusSeconds(600), now.plusSeconds(900))
                .build())));
        assertInvalidGrant(jwtProfile(sign(key, assertionClaims(userId, now, now.plusSeconds(300))
                .audience("https://elsewhere.example").build())));
        String once = sign(key, assertionClaims(userId, now, now.plusSeconds(300)).build());
        tokens(jwtProfile(once));
        assertInvalidGrant(jwtProfile(once));
        assertThat(publicPem).doesNotContain("PRIVATE");
    }

    @Test
    void deletingTheKeyKillsItsTokensAtOnce() throws Exception {
        String userId = user("key-deletion-bot", "ACCESS_TOKEN_TYPE_BEARER");
        KeyFile key = keyOf(userId);
        Instant now = Instant.now();
        OIDCTokens tokens = tokens(jwtProfile(sign(key, assertionClaims(userId, now, now.plusSeconds(300)).build())));
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);

        assertThat(api.delete("/management/v1/users/" + userId + "/keys/" + key.keyId(), admin).status())
                .isEqualTo(200);

        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(401);
        assertInvalidGrant(jwtProfile(sign(key, assertionClaims(userId, now, now.plusSeconds(300)).build())));
    }

    @Test
    void deactivatingTheUserRefusesItsTokensAtOnce() throws Exception {
        String userId = user("deactivated-bot", "ACCESS_TOKEN_TYPE_BEARER");
        Secret secret = new Secret(secretOf(userId));
        OIDCTokens tokens = tokens(request(new ClientSecretBasic(new ClientID("deactivated-bot"), secret),
                new ClientCredentialsGrant(), MANAGEMENT));
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);

        assertThat(api.post("/management/v1/users/" + userId + "/_deactivate", admin, "{}").status()).isEqualTo(200);

        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(401);
        TokenResponse refused = request(new ClientSecretBasic(new ClientID("deactivated-bot"), secret),
                new ClientCredentialsGrant(), MANAGEMENT);
        assertThat(refused.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokenIsRefusedOnTheNextRequest() throws Exception {
        String userId = user("revoking-bot", "ACCESS_TOKEN_TYPE_BEARER");
        ClientSecretBasic client = new ClientSecretBasic(new ClientID("revoking-bot"), new Secret(secretOf(userId)));
        OIDCTokens tokens = tokens(request(client, new ClientCredentialsGrant(), MANAGEMENT));
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);

        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint, client,
                new BearerAccessToken(tokens.getAccessToken().getValue())).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(401);
    }

    @Test
    void jwtUsersGetSignedJwtAccessTokensThatWorkUntilRevoked() throws Exception {
        String userId = user("jwt-token-bot", "ACCESS_TOKEN_TYPE_JWT");
        ClientSecretBasic client = new ClientSecretBasic(new ClientID("jwt-token-bot"), new Secret(secretOf(userId)));

        OIDCTokens tokens = tokens(request(client, new ClientCredentialsGrant(), MANAGEMENT));

        SignedJWT jwt = SignedJWT.parse(tokens.getAccessToken().getValue());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("client_id")).isEqualTo("jwt-token-bot");
        assertThat(claims.getStringClaim("scope")).isEqualTo(MANAGEMENT.toString());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        // The id token and the access token are signed with the same key.
        assertThat(((SignedJWT) tokens.getIDToken()).getHeader().getKeyID()).isEqualTo(jwt.getHeader().getKeyID());
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);

        String[] parts = tokens.getAccessToken().getValue().split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(userId, "1").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(orgsMe(tampered)).isEqualTo(401);

        new TokenRevocationRequest(revocationEndpoint, client, new BearerAccessToken(tokens.getAccessToken()
                .getValue())).toHTTPRequest().send();
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(401);
    }

    @Test
    void jwtAccessTokensVerifyWithThePublishedKeysAndOutliveARotation() throws Exception {
        String userId = user("rotation-bot", "ACCESS_TOKEN_TYPE_JWT");
        ClientSecretBasic client = new ClientSecretBasic(new ClientID("rotation-bot"), new Secret(secretOf(userId)));
        URL jwksUrl = URI.create("http://127.0.0.1:" + warden.port() + "/oauth/v2/keys").toURL();

        OIDCTokens before = tokens(request(client, new ClientCredentialsGrant(), MANAGEMENT));
        SignedJWT first = SignedJWT.parse(before.getAccessToken().getValue());
        assertThat(verifiesWithPublishedKeys(first, JWKSet.load(jwksUrl))).isTrue();
        assertThat(verifiesWithPublishedKeys((SignedJWT) before.getIDToken(), JWKSet.load(jwksUrl))).isTrue();

        Api.Reply rotated = api.post("/admin/v1/signing_keys/_rotate", admin, "{}");
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);

        OIDCTokens after = tokens(request(client, new ClientCredentialsGrant(), MANAGEMENT));
        SignedJWT second = SignedJWT.parse(after.getAccessToken().getValue());
        assertThat(second.getHeader().getKeyID()).isNotEqualTo(first.getHeader().getKeyID());
        JWKSet published = JWKSet.load(jwksUrl);
        assertThat(published.getKeys()).extracting(JWK::getKeyID)
                .contains(first.getHeader().getKeyID(), second.getHeader().getKeyID());
        assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(verifiesWithPublishedKeys(first, published)).isTrue();
        assertThat(verifiesWithPublishedKeys(second, published)).isTrue();
        // Tokens signed before the rotation keep working until they expire.
        assertThat(orgsMe(before.getAccessToken().getValue())).isEqualTo(200);
        assertThat(orgsMe(after.getAccessToken().getValue())).isEqualTo(200);
    }

    private static boolean verifiesWithPublishedKeys(SignedJWT jwt, JWKSet keys) throws Exception {
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key.toRSAKey()));
    }

    @Test
    void privateKeyJwtClientAuthenticationGetsClientCredentialsTokensAndRevokesThem() throws Exception {
        // A user with only a machine key: Nimbus's private_key_jwt (iss = sub = the user id, aud = the issuer).
        String userId = user("key-only-bot", "ACCESS_TOKEN_TYPE_BEARER");
        KeyFile key = keyOf(userId);
        ClientAuthentication assertion = new com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT(new ClientID(userId),
                URI.create(ISSUER), JWSAlgorithm.RS256, key.privateKey(), key.keyId(), null);

        OIDCTokens tokens = tokens(request(assertion, new ClientCredentialsGrant(), MANAGEMENT));
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(200);

        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint,
                new com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT(new ClientID(userId), URI.create(ISSUER),
                        JWSAlgorithm.RS256, key.privateKey(), key.keyId(), null),
                new BearerAccessToken(tokens.getAccessToken().getValue())).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(orgsMe(tokens.getAccessToken().getValue())).isEqualTo(401);

        // The same assertion twice: the second is refused (single use), 401 invalid_client.
        TokenResponse again = request(assertion, new ClientCredentialsGrant(), MANAGEMENT);
        assertThat(again.indicatesSuccess()).isFalse();
        assertThat(again.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
        assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }
}
