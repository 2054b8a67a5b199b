package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token introspection by API applications through the real server on MariaDB, driven by the
 * Nimbus OAuth 2.0 SDK as a real client (projects contract §7.5): a project with roles, a Basic
 * and a private-key-JWT API app, a service user with a grant, its access token and PAT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "http://localhost:8080";

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;
    private URI tokenEndpoint;
    private URI introspectionEndpoint;
    private URI revocationEndpoint;

    private String orgId;
    private String orgDomain;
    private String projectId;
    private String basicClientId;
    private String basicSecret;
    private String basicAppId;
    private String jwtClientId;
    private String jwtAppId;
    private String keyId;
    private RSAPrivateKey appKey;

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
        String base = "http://127.0.0.1:" + warden.port();
        tokenEndpoint = URI.create(base + "/oauth/v2/token");
        introspectionEndpoint = URI.create(base + "/oauth/v2/introspect");
        revocationEndpoint = URI.create(base + "/oauth/v2/revoke");

        JsonNode org = api.get("/management/v1/orgs/me", admin).at("/org");
        orgId = org.at("/id").asText();
        orgDomain = org.at("/primaryDomain").asText();
        projectId = ok(api.post("/management/v1/projects", admin, "{\"name\":\"acme-api\"}")).text("/id");
        ok(api.post("/management/v1/projects/" + projectId + "/roles/_bulk", admin,
                "{\"roles\":[{\"key\":\"reader\",\"displayName\":\"Reader\"},{\"key\":\"writer\",\"displayName\":\"Writer\"}]}"));
        Api.Reply basicApp = ok(api.post("/management/v1/projects/" + projectId + "/apps/api", admin,
                "{\"name\":\"rs-basic\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_BASIC\"}"));
        basicAppId = basicApp.text("/appId");
        basicClientId = basicApp.text("/clientId");
        basicSecret = basicApp.text("/clientSecret");
        Api.Reply jwtApp = ok(api.post("/management/v1/projects/" + projectId + "/apps/api", admin,
                "{\"name\":\"rs-jwt\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}"));
        jwtAppId = jwtApp.text("/appId");
        jwtClientId = jwtApp.text("/clientId");
        Api.Reply key = ok(api.post("/management/v1/projects/" + projectId + "/apps/" + jwtAppId + "/keys", admin,
                "{\"type\":\"KEY_TYPE_JSON\"}"));
        JsonNode keyFile = JSON.readTree(Base64.getDecoder().decode(key.text("/keyDetails")));
        keyId = keyFile.at("/keyId").asText();
        assertThat(keyFile.at("/clientId").asText()).isEqualTo(jwtClientId);
        appKey = RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.at("/key").asText()).orElseThrow();
    }

    @AfterAll
    void stop() {
        if (warden != null) {
            warden.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    /** A service user with a client secret and the given roles on the project; returns {userId, userName, secret, grantId}. */
    private Map<String, String> robot(String name, String... roles) {
        String userId = ok(api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + name + "\",\"name\":\"Robot " + name + "\"}")).text("/userId");
        String secret = ok(api.put("/management/v1/users/" + userId + "/secret", admin, "{}")).text("/clientSecret");
        String grantId = "";
        if (roles.length > 0) {
            String keys = String.join("\",\"", roles);
            grantId = ok(api.post("/management/v1/users/" + userId + "/grants", admin,
                    "{\"projectId\":\"" + projectId + "\",\"roleKeys\":[\"" + keys + "\"]}")).text("/userGrantId");
        }
        return Map.of("userId", userId, "userName", name, "secret", secret, "grantId", grantId);
    }

    private AccessToken token(Map<String, String> robot, String scope) throws Exception {
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID(robot.get("userName")), new Secret(robot.get("secret"))),
                new ClientCredentialsGrant(), Scope.parse(scope));
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(response.toHTTPResponse().getBody()).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private ClientAuthentication basicApp() {
        return new ClientSecretBasic(new ClientID(basicClientId), new Secret(basicSecret));
    }

    private ClientAuthentication jwtApp() throws Exception {
        // aud = the issuer, as ZITADEL's guides build it.
        return new PrivateKeyJWT(new ClientID(jwtClientId), URI.create(ISSUER), JWSAlgorithm.RS256, appKey, keyId,
                null);
    }

    private HTTPResponse introspect(ClientAuthentication client, Token token) throws Exception {
        return new TokenIntrospectionRequest(introspectionEndpoint, client, token).toHTTPRequest().send();
    }

    private TokenIntrospectionSuccessResponse active(ClientAuthentication client, Token token) throws Exception {
        HTTPResponse http = introspect(client, token);
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(200);
        assertThat(http.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        return TokenIntrospectionResponse.parse(http).toSuccessResponse();
    }

    private void assertInactive(ClientAuthentication client, Token token) throws Exception {
        HTTPResponse http = introspect(client, token);
        assertThat(http.getStatusCode()).isEqualTo(200);
        // Nimbus reads the body line by line and ends it with a line break; the raw bytes are checked below.
        assertThat(http.getBody().strip()).isEqualTo("{\"active\":false}");
    }

    @Test
    void anAccessTokenWithTheProjectAudienceIsActiveForBothAppsWithTheGrantedRoles() throws Exception {
        Map<String, String> robot = robot("robot-a", "reader");
        AccessToken token = token(robot, "openid profile urn:zitadel:iam:org:project:id:" + projectId + ":aud");

        for (ClientAuthentication client : List.of(basicApp(), jwtApp())) {
            TokenIntrospectionSuccessResponse active = active(client, token);
            assertThat(active.isActive()).isTrue();
            assertThat(active.getSubject().getValue()).isEqualTo(robot.get("userId"));
            assertThat(active.getClientID().getValue()).isEqualTo("robot-a");
            assertThat(active.getAudience()).extracting(a -> a.getValue()).containsExactly(projectId);
            assertThat(active.getIssuer().getValue()).isEqualTo(ISSUER);
            assertThat(active.getTokenType().getValue()).isEqualTo("Bearer");
            assertThat(active.getExpirationTime()).isInTheFuture();
            assertThat(active.getScope().contains("profile")).isTrue();
            assertThat(active.getStringParameter("preferred_username")).isEqualTo("robot-a");
            assertThat(active.getStringParameter("name")).isEqualTo("Robot robot-a");
            Map<String, Object> roles = active.toJSONObject();
            assertThat(roles.get("urn:zitadel:iam:org:project:roles"))
                    .isEqualTo(Map.of("reader", Map.of(orgId, orgDomain)));
            assertThat(roles.get("urn:zitadel:iam:org:project:" + projectId + ":roles"))
                    .isEqualTo(Map.of("reader", Map.of(orgId, orgDomain)));
        }
    }

    @Test
    void aTokenWithoutTheProjectAudienceIsInactive() throws Exception {
        Map<String, String> robot = robot("robot-b", "reader");
        AccessToken token = token(robot, "openid urn:zitadel:iam:org:project:id:zitadel:aud");
        assertInactive(basicApp(), token);
    }

    @Test
    void aPatIsActiveForAnyAppWithTheAppAppendedToItsAudienceAndItsRolesInTheScope() throws Exception {
        Map<String, String> robot = robot("robot-c", "reader", "writer");
        String pat = ok(api.post("/management/v1/users/" + robot.get("userId") + "/pats", admin, "{}")).text("/token");

        TokenIntrospectionSuccessResponse active = active(basicApp(), new BearerAccessToken(pat));
        assertThat(active.getSubject().getValue()).isEqualTo(robot.get("userId"));
        assertThat(active.getClientID()).isNull();
        assertThat(active.getAudience()).extracting(a -> a.getValue()).contains(basicClientId, projectId);
        assertThat(active.getScope().toStringList()).contains("urn:zitadel:iam:org:project:role:reader",
                "urn:zitadel:iam:org:project:role:writer");
        assertThat(active.toJSONObject().get("urn:zitadel:iam:org:project:roles"))
                .isEqualTo(Map.of("reader", Map.of(orgId, orgDomain), "writer", Map.of(orgId, orgDomain)));
    }

    @Test
    void revokedTokensDeactivatedUsersAndDeactivatedGrantsTakeEffectAtOnce() throws Exception {
        Map<String, String> robot = robot("robot-d", "reader");
        String scope = "openid urn:zitadel:iam:org:project:id:" + projectId + ":aud";
        AccessToken first = token(robot, scope);
        AccessToken second = token(robot, scope);
        assertThat(active(basicApp(), first).isActive()).isTrue();

        // Revocation (RFC 7009) by the client the token was issued to.
        HttpResponse<String> revoked = form(revocationEndpoint, basicHeader("robot-d", robot.get("secret")),
                "token=" + first.getValue());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertInactive(basicApp(), first);
        assertThat(active(basicApp(), second).isActive()).isTrue();

        ok(api.post("/management/v1/users/" + robot.get("userId") + "/grants/" + robot.get("grantId")
                + "/_deactivate", admin, "{}"));
        assertThat(active(basicApp(), second).toJSONObject()).doesNotContainKey("urn:zitadel:iam:org:project:roles");

        ok(api.post("/management/v1/users/" + robot.get("userId") + "/_deactivate", admin, "{}"));
        assertInactive(basicApp(), second);
        ok(api.post("/management/v1/users/" + robot.get("userId") + "/_reactivate", admin, "{}"));
        assertThat(active(basicApp(), second).isActive()).isTrue();
    }

    @Test
    void garbageAndUnknownTokensAreExactlyInactive() throws Exception {
        HttpResponse<String> raw = form(introspectionEndpoint, basicHeader(basicClientId, basicSecret), "token=garbage");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo("{\"active\":false}");
        assertThat(raw.headers().firstValue("Cache-Control")).contains("no-store");

        assertInactive(basicApp(), new BearerAccessToken("garbage"));
        assertInactive(basicApp(), new BearerAccessToken("wdn_at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertInactive(basicApp(), new BearerAccessToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."));
    }

    @Test
    void badClientsAre401InvalidClientWithAChallenge() throws Exception {
        Map<String, String> robot = robot("robot-e");
        AccessToken token = token(robot, "openid urn:zitadel:iam:org:project:id:" + projectId + ":aud");

        HTTPResponse wrongSecret = introspect(new ClientSecretBasic(new ClientID(basicClientId),
                new Secret("x".repeat(64))), token);
        assertThat(wrongSecret.getStatusCode()).isEqualTo(401);
        assertThat(wrongSecret.getHeaderValue("WWW-Authenticate")).startsWith("Basic");
        assertThat(JSON.readTree(wrongSecret.getBody()).at("/error").asText()).isEqualTo("invalid_client");

        // A service user is not an API app, even with valid credentials.
        HTTPResponse user = introspect(new ClientSecretBasic(new ClientID("robot-e"), new Secret(robot.get("secret"))),
                token);
        assertThat(user.getStatusCode()).isEqualTo(401);

        HttpResponse<String> anonymous = form(introspectionEndpoint, null, "token=" + token.getValue());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(anonymous.body()).contains("invalid_client");
    }

    @Test
    void aReplayedAssertionADeletedKeyAndADeactivatedAppAreRefused() throws Exception {
        Map<String, String> robot = robot("robot-f");
        AccessToken token = token(robot, "openid urn:zitadel:iam:org:project:id:" + projectId + ":aud");

        ClientAuthentication once = jwtApp();
        assertThat(introspect(once, token).getStatusCode()).isEqualTo(200);
        assertThat(introspect(once, token).getStatusCode()).as("replayed assertion").isEqualTo(401);

        // A second app with its own key, then the key is deleted.
        Api.Reply app = ok(api.post("/management/v1/projects/" + projectId + "/apps/api", admin,
                "{\"name\":\"rs-jwt-2\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}"));
        String appId = app.text("/appId");
        Api.Reply key = ok(api.post("/management/v1/projects/" + projectId + "/apps/" + appId + "/keys", admin,
                "{\"type\":\"KEY_TYPE_JSON\"}"));
        JsonNode keyFile = JSON.readTree(Base64.getDecoder().decode(key.text("/keyDetails")));
        RSAPrivateKey privateKey = RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.at("/key").asText()).orElseThrow();
        ClientAuthentication second = new PrivateKeyJWT(new ClientID(app.text("/clientId")), URI.create(ISSUER),
                JWSAlgorithm.RS256, privateKey, keyFile.at("/keyId").asText(), null);
        assertThat(introspect(second, token).getStatusCode()).isEqualTo(200);
        ok(api.delete("/management/v1/projects/" + projectId + "/apps/" + appId + "/keys/"
                + keyFile.at("/keyId").asText(), admin));
        ClientAuthentication afterDelete = new PrivateKeyJWT(new ClientID(app.text("/clientId")), URI.create(ISSUER),
                JWSAlgorithm.RS256, privateKey, keyFile.at("/keyId").asText(), null);
        assertThat(introspect(afterDelete, token).getStatusCode()).isEqualTo(401);

        // A deactivated app cannot introspect; reactivated, it can again.
        ok(api.post("/management/v1/projects/" + projectId + "/apps/" + basicAppId + "/_deactivate", admin, "{}"));
        assertThat(introspect(basicApp(), token).getStatusCode()).isEqualTo(401);
        ok(api.post("/management/v1/projects/" + projectId + "/apps/" + basicAppId + "/_reactivate", admin, "{}"));
        assertThat(introspect(basicApp(), token).getStatusCode()).isEqualTo(200);
    }

    private static String basicHeader(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> form(URI uri, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jwtAccessTokensAndJwtProfileTokensAreIntrospectedAndADeletedMachineKeyEndsThem() throws Exception {
        String userId = ok(api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"robot-jwt\",\"name\":\"Robot JWT\",\"accessTokenType\":\"ACCESS_TOKEN_TYPE_JWT\"}"))
                .text("/userId");
        ok(api.post("/management/v1/users/" + userId + "/grants", admin,
                "{\"projectId\":\"" + projectId + "\",\"roleKeys\":[\"writer\"]}"));
        Api.Reply key = ok(api.post("/management/v1/users/" + userId + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}"));
        JsonNode keyFile = JSON.readTree(Base64.getDecoder().decode(key.text("/keyDetails")));
        RSAPrivateKey machineKey = RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.at("/key").asText()).orElseThrow();
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyFile.at("/keyId").asText()).build(), new JWTClaimsSet.Builder()
                .issuer(userId).subject(userId).audience(ISSUER).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(machineKey));

        TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint, new JWTBearerGrant(assertion),
                new Scope("openid", "urn:zitadel:iam:org:project:id:" + projectId + ":aud"))
                .toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
        assertThat(token.getValue()).startsWith("eyJ");

        TokenIntrospectionSuccessResponse active = active(jwtApp(), token);
        assertThat(active.isActive()).isTrue();
        assertThat(active.getSubject().getValue()).isEqualTo(userId);
        assertThat(active.getJWTID().getValue()).isEqualTo(SignedJWT.parse(token.getValue()).getJWTClaimsSet().getJWTID());
        assertThat(active.toJSONObject().get("urn:zitadel:iam:org:project:roles"))
                .isEqualTo(Map.of("writer", Map.of(orgId, orgDomain)));

        ok(api.delete("/management/v1/users/" + userId + "/keys/" + keyFile.at("/keyId").asText(), admin));
        assertInactive(basicApp(), token);
    }

    @Test
    void appsOfADeactivatedProjectCannotIntrospect() throws Exception {
        String otherProject = ok(api.post("/management/v1/projects", admin, "{\"name\":\"paused-api\"}")).text("/id");
        Api.Reply app = ok(api.post("/management/v1/projects/" + otherProject + "/apps/api", admin,
                "{\"name\":\"paused-rs\"}"));
        ClientAuthentication client = new ClientSecretBasic(new ClientID(app.text("/clientId")),
                new Secret(app.text("/clientSecret")));
        Map<String, String> robot = robot("robot-g");
        AccessToken token = token(robot, "openid urn:zitadel:iam:org:project:id:" + otherProject + ":aud");
        assertThat(active(client, token).isActive()).isTrue();

        ok(api.post("/management/v1/projects/" + otherProject + "/_deactivate", admin, "{}"));
        assertThat(introspect(client, token).getStatusCode()).isEqualTo(401);
        ok(api.post("/management/v1/projects/" + otherProject + "/_reactivate", admin, "{}"));
        assertThat(active(client, token).isActive()).isTrue();

        // A regenerated secret replaces the old one at once.
        String newSecret = ok(api.post("/management/v1/projects/" + otherProject + "/apps/" + app.text("/appId")
                + "/api_config/_generate_client_secret", admin, "{}")).text("/clientSecret");
        assertThat(introspect(client, token).getStatusCode()).isEqualTo(401);
        assertThat(active(new ClientSecretBasic(new ClientID(app.text("/clientId")), new Secret(newSecret)), token)
                .isActive()).isTrue();
    }
}
