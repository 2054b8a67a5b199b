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
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
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
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.domain.key.RsaKeys;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Warden nodes on one MariaDB with one master key: every OAuth state change made through node
 * A — a revoked opaque or JWT access token, a deactivated user, a regenerated, deactivated or
 * key-less API app, a deactivated project, a removed grant or role, a deleted machine key or
 * client secret — takes effect on node B within the bound (poll interval 250 ms; the test allows
 * 1 s), although node B had the old state cached: each test first uses the credential on B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOAuthEndToEndTest {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TwoNodesOAuthEndToEndTest.class.getName());

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String ISSUER = "https://warden.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLES_CLAIM = "urn:zitadel:iam:org:project:roles";

    private TestMariaDb database;
    private Wiring nodeA;
    private Wiring nodeB;
    private Node a;
    private Node b;
    private String admin;

    private String orgId;
    private String orgDomain;
    private String projectId;
    private String basicClientId;
    private String basicSecret;
    private String jwtClientId;
    private String jwtKeyId;
    private RSAPrivateKey jwtAppKey;

    /** One node's endpoints, as a client sees them. */
    private record Node(String name, Api api, URI token, URI introspect, URI revoke) {
        static Node of(String name, int port) {
            String base = "http://127.0.0.1:" + port;
            return new Node(name, new Api(port), URI.create(base + "/oauth/v2/token"),
                    URI.create(base + "/oauth/v2/introspect"), URI.create(base + "/oauth/v2/revoke"));
        }
    }

    /** A service user created through node A: ORG_OWNER, a client secret, a PAT and maybe a grant. */
    private record Robot(String userId, String userName, String secret, String pat, String grantId) {
        ClientSecretBasic client() {
            return new ClientSecretBasic(new ClientID(userName), new Secret(secret));
        }
    }

    /** An API app created through node A: its ids and, for Basic apps, its secret. */
    private record App(String projectId, String appId, String clientId, String secret) {
    }

    private record MachineKey(String keyId, RSAPrivateKey privateKey) {
    }

    @BeforeAll
    void start(@TempDir Path dataA, @TempDir Path dataB) throws Exception {
        database = new TestMariaDb();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        nodeA = Wiring.start(config(1, dataA, masterKey));
        nodeB = Wiring.start(config(2, dataB, masterKey));
        a = Node.of("A", nodeA.port());
        b = Node.of("B", nodeB.port());
        admin = Files.readString(dataA.resolve("admin.pat")).strip();

        JsonNode org = ok(a.api().get("/management/v1/orgs/me", admin)).at("/org");
        orgId = org.at("/id").asText();
        orgDomain = org.at("/primaryDomain").asText();
        projectId = ok(a.api().post("/management/v1/projects", admin, "{\"name\":\"shared-api\"}")).text("/id");
        ok(a.api().post("/management/v1/projects/" + projectId + "/roles/_bulk", admin,
                "{\"roles\":[{\"key\":\"reader\",\"displayName\":\"Reader\"},"
                        + "{\"key\":\"writer\",\"displayName\":\"Writer\"}]}"));
        App basic = basicApp(projectId, "rs-basic");
        basicClientId = basic.clientId();
        basicSecret = basic.secret();
        App jwt = app(projectId, "rs-jwt", "API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT");
        jwtClientId = jwt.clientId();
        MachineKey appKey = appKey(jwt);
        jwtKeyId = appKey.keyId();
        jwtAppKey = appKey.privateKey();
    }

    private WardenConfig config(int node, Path dataDir, String masterKey) {
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.node.id", Integer.toString(node),
                "warden.cluster.poll.interval.ms", "250", "warden.external.url", ISSUER));
        values.put("warden.masterkey", masterKey);
        // These tests poll refused credentials every 20 ms from one address to time the propagation
        // bound; the failed-authentication limiter would answer 429 before the refusal they wait for.
        values.put("warden.limiter.enabled", "false");
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    @AfterAll
    void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (database != null) {
            database.close();
        }
    }

    // --- set-up through node A's management API ------------------------------------------------------

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private Robot robot(String name, String tokenType, String... roles) {
        String userId = ok(a.api().post("/management/v1/users/machine", admin, "{\"userName\":\"" + name
                + "\",\"name\":\"Robot " + name + "\",\"accessTokenType\":\"" + tokenType + "\"}")).text("/userId");
        ok(a.api().post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}"));
        String secret = ok(a.api().put("/management/v1/users/" + userId + "/secret", admin, "{}"))
                .text("/clientSecret");
        String pat = ok(a.api().post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
        String grantId = "";
        if (roles.length > 0) {
            grantId = ok(a.api().post("/management/v1/users/" + userId + "/grants", admin,
                    "{\"projectId\":\"" + projectId + "\",\"roleKeys\":[\"" + String.join("\",\"", roles) + "\"]}"))
                    .text("/userGrantId");
        }
        return new Robot(userId, name, secret, pat, grantId);
    }

    private App app(String project, String name, String authMethod) {
        Api.Reply app = ok(a.api().post("/management/v1/projects/" + project + "/apps/api", admin,
                "{\"name\":\"" + name + "\",\"authMethodType\":\"" + authMethod + "\"}"));
        return new App(project, app.text("/appId"), app.text("/clientId"), app.text("/clientSecret"));
    }

    private App basicApp(String project, String name) {
        return app(project, name, "API_AUTH_METHOD_TYPE_BASIC");
    }

    private MachineKey appKey(App app) throws Exception {
        Api.Reply key = ok(a.api().post("/management/v1/projects/" + app.projectId() + "/apps/" + app.appId()
                + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}"));
        return keyFile(key);
    }

    private MachineKey machineKey(Robot robot) throws Exception {
        return keyFile(ok(a.api().post("/management/v1/users/" + robot.userId() + "/keys", admin,
                "{\"type\":\"KEY_TYPE_JSON\"}")));
    }

    private static MachineKey keyFile(Api.Reply added) throws Exception {
        JsonNode file = JSON.readTree(Base64.getDecoder().decode(added.text("/keyDetails")));
        return new MachineKey(file.at("/keyId").asText(),
                RsaKeys.parsePrivateKeyPkcs1Pem(file.at("/key").asText()).orElseThrow());
    }

    // --- OAuth calls on one node ---------------------------------------------------------------------

    /** Scopes that make a token good for the management API and for the shared project's apps. */
    private Scope bothAudiences() {
        return new Scope("openid", "urn:zitadel:iam:org:project:id:zitadel:aud",
                "urn:zitadel:iam:org:project:id:" + projectId + ":aud");
    }

    private static TokenResponse tokenRequest(Node node, TokenRequest request) throws Exception {
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private AccessToken clientCredentials(Node node, Robot robot) throws Exception {
        TokenResponse response = tokenRequest(node, new TokenRequest(node.token(), robot.client(),
                new ClientCredentialsGrant(), bothAudiences()));
        assertThat(response.indicatesSuccess()).as(node.name() + ": " + response.toHTTPResponse().getBody()).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private AccessToken jwtProfile(Node node, Robot robot, MachineKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).build(),
                new JWTClaimsSet.Builder().issuer(robot.userId()).subject(robot.userId()).audience(ISSUER)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(key.privateKey()));
        TokenResponse response = tokenRequest(node, new TokenRequest(node.token(), new JWTBearerGrant(assertion),
                bothAudiences()));
        assertThat(response.indicatesSuccess()).as(node.name() + ": " + response.toHTTPResponse().getBody()).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private void revoke(Node node, Robot robot, AccessToken token) throws Exception {
        HTTPResponse revoked = new TokenRevocationRequest(node.revoke(), robot.client(),
                new BearerAccessToken(token.getValue())).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(200);
    }

    private ClientAuthentication sharedBasicApp() {
        return new ClientSecretBasic(new ClientID(basicClientId), new Secret(basicSecret));
    }

    /** A fresh assertion each time: each is accepted once, on every node. */
    private ClientAuthentication sharedJwtApp() throws Exception {
        return assertionOf(jwtClientId, jwtKeyId, jwtAppKey);
    }

    private static ClientAuthentication assertionOf(String clientId, String keyId, RSAPrivateKey key)
            throws Exception {
        return new PrivateKeyJWT(new ClientID(clientId), URI.create(ISSUER), JWSAlgorithm.RS256, key, keyId, null);
    }

    private static HTTPResponse introspect(Node node, ClientAuthentication client, Token token) throws Exception {
        return new TokenIntrospectionRequest(node.introspect(), client, token).toHTTPRequest().send();
    }

    private static HTTPResponse introspect(Node node, ClientAuthentication client, String token) throws Exception {
        return introspect(node, client, new BearerAccessToken(token));
    }

    private static boolean isActive(HTTPResponse http) throws Exception {
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(200);
        return TokenIntrospectionResponse.parse(http).toSuccessResponse().isActive();
    }

    /** For polls: the caller accepted (200) and the token active; a refused caller is not yet an answer. */
    private static boolean acceptedAndActive(HTTPResponse http) throws Exception {
        return http.getStatusCode() == 200 && TokenIntrospectionResponse.parse(http).toSuccessResponse().isActive();
    }

    private static boolean isExactlyInactive(HTTPResponse http) {
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(200);
        return http.getBody().strip().equals("{\"active\":false}");
    }

    private static TokenIntrospectionSuccessResponse active(HTTPResponse http) throws Exception {
        assertThat(isActive(http)).as(http.getBody()).isTrue();
        return TokenIntrospectionResponse.parse(http).toSuccessResponse();
    }

    private static boolean isInvalidClient(HTTPResponse http) throws Exception {
        return http.getStatusCode() == 401
                && "invalid_client".equals(JSON.readTree(http.getBody()).at("/error").asText());
    }

    private static boolean isInvalidClient(TokenResponse response) {
        return !response.indicatesSuccess() && response instanceof TokenErrorResponse error
                && error.getErrorObject().getHTTPStatusCode() == 401
                && "invalid_client".equals(error.getErrorObject().getCode());
    }

    private static int orgsMe(Node node, String token) {
        return node.api().get("/management/v1/orgs/me", token).status();
    }

    // --- the bound -----------------------------------------------------------------------------------

    private interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Polls until {@code check} holds; fails if it does not within the bound. Returns how long it took
     * (from the moment the change was answered on node A, i.e. the call before this one).
     */
    private static Duration within(String what, Check check) throws Exception {
        Instant start = Instant.now();
        while (true) {
            if (check.holds()) {
                Duration took = Duration.between(start, Instant.now());
                LOG.info("[two nodes] " + what + ": " + took.toMillis() + " ms");
                assertThat(took).as(what + " took " + took.toMillis() + " ms").isLessThanOrEqualTo(BOUND);
                return took;
            }
            if (Duration.between(start, Instant.now()).compareTo(BOUND) > 0) {
                throw new AssertionError(what + ": not within " + BOUND.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }

    /** Several conditions after one change, each within the bound counted from the change. */
    private static void allWithin(String what, Check... checks) throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < checks.length; i++) {
            Check check = checks[i];
            String name = what + " #" + (i + 1);
            while (!check.holds()) {
                if (Duration.between(start, Instant.now()).compareTo(BOUND) > 0) {
                    throw new AssertionError(name + ": not within " + BOUND.toMillis() + " ms of the change");
                }
                Thread.sleep(20);
            }
        }
        Duration took = Duration.between(start, Instant.now());
        LOG.info("[two nodes] " + what + ": " + took.toMillis() + " ms");
        assertThat(took).as(what + " took " + took.toMillis() + " ms").isLessThanOrEqualTo(BOUND);
    }

    // --- the tests -----------------------------------------------------------------------------------

    @Test
    void anOpaqueAccessTokenRevokedOnAIsRefusedByBWithinTheBound() throws Exception {
        Robot robot = robot("opaque-revoked", "ACCESS_TOKEN_TYPE_BEARER", "reader");
        AccessToken token = clientCredentials(a, robot);
        assertThat(token.getValue()).startsWith("wdn_at_");
        assertThat(orgsMe(b, token.getValue())).as("cached on B").isEqualTo(200);
        assertThat(isActive(introspect(b, sharedBasicApp(), token))).as("cached on B").isTrue();

        revoke(a, robot, token);

        assertThat(orgsMe(a, token.getValue())).as("at once on A").isEqualTo(401);
        allWithin("opaque token revoked on A, refused by B",
                () -> orgsMe(b, token.getValue()) == 401,
                () -> isExactlyInactive(introspect(b, sharedBasicApp(), token)));
    }

    @Test
    void aJwtAccessTokenRevokedOnAIsRefusedByBWithinTheBound() throws Exception {
        Robot robot = robot("jwt-revoked", "ACCESS_TOKEN_TYPE_JWT", "reader");
        AccessToken token = clientCredentials(a, robot);
        assertThat(token.getValue()).startsWith("eyJ");
        assertThat(orgsMe(b, token.getValue())).as("cached on B").isEqualTo(200);
        assertThat(isActive(introspect(b, sharedBasicApp(), token))).as("cached on B").isTrue();

        revoke(a, robot, token);

        assertThat(orgsMe(a, token.getValue())).as("at once on A").isEqualTo(401);
        allWithin("JWT access token revoked on A, refused by B",
                () -> orgsMe(b, token.getValue()) == 401,
                () -> isExactlyInactive(introspect(b, sharedBasicApp(), token)));
    }

    @Test
    void aUserDeactivatedOnAIsInactiveOnBAndActiveAgainWhenReactivated() throws Exception {
        Robot robot = robot("deactivated", "ACCESS_TOKEN_TYPE_BEARER", "reader");
        AccessToken token = clientCredentials(a, robot);
        assertThat(orgsMe(b, token.getValue())).isEqualTo(200);
        assertThat(orgsMe(b, robot.pat())).isEqualTo(200);
        assertThat(isActive(introspect(b, sharedBasicApp(), token))).isTrue();
        assertThat(isActive(introspect(b, sharedBasicApp(), robot.pat()))).isTrue();

        ok(a.api().post("/management/v1/users/" + robot.userId() + "/_deactivate", admin, "{}"));

        allWithin("user deactivated on A, its credentials refused by B",
                () -> isExactlyInactive(introspect(b, sharedBasicApp(), token)),
                () -> isExactlyInactive(introspect(b, sharedBasicApp(), robot.pat())),
                () -> orgsMe(b, token.getValue()) == 401,
                () -> orgsMe(b, robot.pat()) == 401);

        ok(a.api().post("/management/v1/users/" + robot.userId() + "/_reactivate", admin, "{}"));

        allWithin("user reactivated on A, its credentials accepted by B again",
                () -> isActive(introspect(b, sharedBasicApp(), token)),
                () -> isActive(introspect(b, sharedBasicApp(), robot.pat())),
                () -> orgsMe(b, token.getValue()) == 200,
                () -> orgsMe(b, robot.pat()) == 200);
    }

    @Test
    void anAppSecretRegeneratedOnAIsRefusedByBAndTheNewOneAccepted() throws Exception {
        Robot robot = robot("secret-regenerated", "ACCESS_TOKEN_TYPE_BEARER");
        AccessToken token = clientCredentials(a, robot);
        App app = basicApp(projectId, "rs-regenerated");
        ClientAuthentication old = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
        assertThat(isActive(introspect(b, old, token))).as("old secret verified and cached on B").isTrue();

        String newSecret = ok(a.api().post("/management/v1/projects/" + projectId + "/apps/" + app.appId()
                + "/api_config/_generate_client_secret", admin, "{}")).text("/clientSecret");
        ClientAuthentication current = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(newSecret));

        assertThat(isInvalidClient(introspect(a, old, token))).as("at once on A").isTrue();
        allWithin("app secret regenerated on A",
                () -> isInvalidClient(introspect(b, old, token)),
                () -> acceptedAndActive(introspect(b, current, token)));
    }

    @Test
    void anAppDeactivatedOnAIsRefusedByBAndAcceptedAgainWhenReactivated() throws Exception {
        Robot robot = robot("app-deactivated", "ACCESS_TOKEN_TYPE_BEARER");
        AccessToken token = clientCredentials(a, robot);
        App app = basicApp(projectId, "rs-deactivated");
        ClientAuthentication client = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
        assertThat(isActive(introspect(b, client, token))).as("cached on B").isTrue();

        ok(a.api().post("/management/v1/projects/" + projectId + "/apps/" + app.appId() + "/_deactivate", admin,
                "{}"));
        within("app deactivated on A, refused by B", () -> isInvalidClient(introspect(b, client, token)));

        ok(a.api().post("/management/v1/projects/" + projectId + "/apps/" + app.appId() + "/_reactivate", admin,
                "{}"));
        within("app reactivated on A, accepted by B", () -> acceptedAndActive(introspect(b, client, token)));
    }

    @Test
    void theAppsOfAProjectDeactivatedOnAAreRefusedByB() throws Exception {
        Robot robot = robot("project-deactivated", "ACCESS_TOKEN_TYPE_BEARER");
        String paused = ok(a.api().post("/management/v1/projects", admin, "{\"name\":\"paused-api\"}")).text("/id");
        App app = basicApp(paused, "rs-paused");
        App jwtApp = app(paused, "rs-paused-jwt", "API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT");
        MachineKey key = appKey(jwtApp);
        AccessToken token = clientCredentials(a, robot);
        ClientAuthentication client = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
        // The token's audience is the shared project: active for neither app, but both are accepted callers.
        assertThat(isExactlyInactive(introspect(b, client, token))).as("cached on B").isTrue();
        assertThat(isExactlyInactive(introspect(b, assertionOf(jwtApp.clientId(), key.keyId(), key.privateKey()),
                token))).as("cached on B").isTrue();

        ok(a.api().post("/management/v1/projects/" + paused + "/_deactivate", admin, "{}"));
        allWithin("project deactivated on A, its apps refused by B",
                () -> isInvalidClient(introspect(b, client, token)),
                () -> isInvalidClient(introspect(b, assertionOf(jwtApp.clientId(), key.keyId(), key.privateKey()),
                        token)));

        ok(a.api().post("/management/v1/projects/" + paused + "/_reactivate", admin, "{}"));
        within("project reactivated on A, its app accepted by B",
                () -> introspect(b, client, token).getStatusCode() == 200);
    }

    @Test
    void anAppKeyDeletedOnAIsRefusedByB() throws Exception {
        Robot robot = robot("app-key-deleted", "ACCESS_TOKEN_TYPE_BEARER");
        AccessToken token = clientCredentials(a, robot);
        App app = app(projectId, "rs-key-deleted", "API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT");
        MachineKey key = appKey(app);
        MachineKey kept = appKey(app);
        assertThat(isActive(introspect(b, assertionOf(app.clientId(), key.keyId(), key.privateKey()), token)))
                .as("app with its keys cached on B").isTrue();

        ok(a.api().delete("/management/v1/projects/" + projectId + "/apps/" + app.appId() + "/keys/"
                + key.keyId(), admin));

        assertThat(isInvalidClient(introspect(a, assertionOf(app.clientId(), key.keyId(), key.privateKey()), token)))
                .as("at once on A").isTrue();
        within("app key deleted on A, its assertions refused by B",
                () -> isInvalidClient(introspect(b, assertionOf(app.clientId(), key.keyId(), key.privateKey()),
                        token)));
        assertThat(isActive(introspect(b, assertionOf(app.clientId(), kept.keyId(), kept.privateKey()), token)))
                .as("the app's other key still works on B").isTrue();
    }

    @Test
    void aGrantDeactivatedOrARoleRemovedOnATakesTheRoleClaimOffBsIntrospection() throws Exception {
        ok(a.api().post("/management/v1/projects/" + projectId + "/roles", admin,
                "{\"roleKey\":\"auditor\",\"displayName\":\"Auditor\"}"));
        Robot robot = robot("grant-deactivated", "ACCESS_TOKEN_TYPE_BEARER", "reader", "auditor");
        AccessToken token = clientCredentials(a, robot);
        Map<String, Object> both = Map.of("reader", Map.of(orgId, orgDomain), "auditor", Map.of(orgId, orgDomain));
        assertThat(active(introspect(b, sharedBasicApp(), token)).toJSONObject().get(ROLES_CLAIM))
                .as("roles cached on B").isEqualTo(both);
        assertThat(active(introspect(b, sharedBasicApp(), robot.pat())).toJSONObject().get(ROLES_CLAIM))
                .as("roles cached on B").isEqualTo(both);

        ok(a.api().delete("/management/v1/projects/" + projectId + "/roles/auditor", admin));

        Map<String, Object> readerOnly = Map.of("reader", Map.of(orgId, orgDomain));
        allWithin("role removed on A, its claim gone on B",
                () -> readerOnly.equals(active(introspect(b, sharedBasicApp(), token)).toJSONObject().get(ROLES_CLAIM)),
                () -> readerOnly.equals(active(introspect(b, sharedBasicApp(), robot.pat())).toJSONObject()
                        .get(ROLES_CLAIM)));

        ok(a.api().post("/management/v1/users/" + robot.userId() + "/grants/" + robot.grantId() + "/_deactivate",
                admin, "{}"));

        allWithin("grant deactivated on A, the role claim gone on B",
                () -> !active(introspect(b, sharedBasicApp(), token)).toJSONObject().containsKey(ROLES_CLAIM),
                () -> !active(introspect(b, sharedBasicApp(), robot.pat())).toJSONObject().containsKey(ROLES_CLAIM));
    }

    @Test
    void aMachineKeyDeletedOnAEndsItsJwtProfileTokenOnB() throws Exception {
        Robot robot = robot("machine-key-deleted", "ACCESS_TOKEN_TYPE_BEARER", "reader");
        MachineKey key = machineKey(robot);
        AccessToken token = jwtProfile(a, robot, key);
        AccessToken viaSecret = clientCredentials(a, robot);
        assertThat(orgsMe(b, token.getValue())).as("cached on B").isEqualTo(200);
        assertThat(isActive(introspect(b, sharedBasicApp(), token))).as("cached on B").isTrue();

        ok(a.api().delete("/management/v1/users/" + robot.userId() + "/keys/" + key.keyId(), admin));

        allWithin("machine key deleted on A, its token refused by B",
                () -> isExactlyInactive(introspect(b, sharedBasicApp(), token)),
                () -> orgsMe(b, token.getValue()) == 401);
        assertThat(isActive(introspect(b, sharedBasicApp(), viaSecret)))
                .as("a token obtained otherwise lives on").isTrue();
    }

    @Test
    void aClientSecretRemovedOnAIsRefusedByBsTokenEndpoint() throws Exception {
        Robot robot = robot("secret-removed", "ACCESS_TOKEN_TYPE_BEARER");
        clientCredentials(b, robot);
        clientCredentials(b, robot);  // the second request on B is answered from its verified-secret cache

        ok(a.api().delete("/management/v1/users/" + robot.userId() + "/secret", admin));

        assertThat(isInvalidClient(tokenRequest(a, new TokenRequest(a.token(), robot.client(),
                new ClientCredentialsGrant(), bothAudiences())))).as("at once on A").isTrue();
        within("client secret removed on A, refused by B's token endpoint",
                () -> isInvalidClient(tokenRequest(b, new TokenRequest(b.token(), robot.client(),
                        new ClientCredentialsGrant(), bothAudiences()))));
    }

    /**
     * Starts {@code count} calls on B at once and returns when they have all been sent: their reads
     * are done and their argon2 checks queued when the caller goes on to change the state on A.
     */
    private static List<java.util.concurrent.Future<Boolean>> inFlightOnB(int count, Check call) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        var ready = new java.util.concurrent.CountDownLatch(count);
        var go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.holds();
            }));
        }
        pool.shutdown();
        ready.await();
        go.countDown();
        // Long enough for the reads before argon2, far shorter than count argon2 checks on two threads.
        Thread.sleep(60);
        return calls;
    }

    @Test
    void aClientSecretRemovedOnAWhileBIsVerifyingItIsRefusedByBWithinTheBound() throws Exception {
        Robot robot = robot("secret-removed-in-flight", "ACCESS_TOKEN_TYPE_BEARER");
        List<java.util.concurrent.Future<Boolean>> calls = inFlightOnB(64, () -> tokenRequest(b,
                new TokenRequest(b.token(), robot.client(), new ClientCredentialsGrant(), bothAudiences()))
                .indicatesSuccess());

        ok(a.api().delete("/management/v1/users/" + robot.userId() + "/secret", admin));
        Instant removed = Instant.now();
        long succeeded = 0;
        for (var call : calls) {
            succeeded += call.get() ? 1 : 0;
        }
        LOG.info("[two nodes] in-flight token requests on B that succeeded: " + succeeded + " of "
                + calls.size() + ", the last answered " + Duration.between(removed, Instant.now()).toMillis()
                + " ms after the removal");

        reportWhetherStraddled(removed);
        within("client secret removed on A while B verified it, refused by B", () -> isInvalidClient(
                tokenRequest(b, new TokenRequest(b.token(), robot.client(), new ClientCredentialsGrant(),
                        bothAudiences()))));
    }

    /**
     * Whether the in-flight calls began before the change (they read the old state) and the last
     * ended after B had applied it (one poll interval), so they could have cached what they
     * verified. How long argon2's queue takes depends on the machine, so this is reported, not
     * required: the race itself is pinned down deterministically by the verifier and cache unit
     * tests (a change made while the hash runs); here the bound must hold either way.
     */
    private static void reportWhetherStraddled(Instant changed) {
        Duration after = Duration.between(changed, Instant.now());
        LOG.info("[two nodes] the in-flight calls " + (after.compareTo(Duration.ofMillis(300)) > 0
                ? "outlived B's next poll by " : "ended before B's next poll (no race this run), ")
                + after.toMillis() + " ms after the change");
    }

    @Test
    void anAppDeactivatedOnAWhileBIsVerifyingItsSecretIsRefusedByBWithinTheBound() throws Exception {
        Robot robot = robot("app-deactivated-in-flight", "ACCESS_TOKEN_TYPE_BEARER");
        AccessToken token = clientCredentials(a, robot);
        App app = basicApp(projectId, "rs-deactivated-in-flight");
        ClientAuthentication client = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
        List<java.util.concurrent.Future<Boolean>> calls = inFlightOnB(64,
                () -> introspect(b, client, token).getStatusCode() == 200);

        ok(a.api().post("/management/v1/projects/" + projectId + "/apps/" + app.appId() + "/_deactivate", admin,
                "{}"));
        Instant deactivated = Instant.now();
        long succeeded = 0;
        for (var call : calls) {
            succeeded += call.get() ? 1 : 0;
        }
        LOG.info("[two nodes] in-flight introspections on B that succeeded: " + succeeded + " of "
                + calls.size() + ", the last answered " + Duration.between(deactivated, Instant.now()).toMillis()
                + " ms after the deactivation");

        reportWhetherStraddled(deactivated);
        within("app deactivated on A while B verified its secret, refused by B",
                () -> isInvalidClient(introspect(b, client, token)));
    }

    @Test
    void tokensIssuedOnEitherNodeWorkOnTheOther() throws Exception {
        Robot opaque = robot("cross-opaque", "ACCESS_TOKEN_TYPE_BEARER", "reader");
        Robot jwt = robot("cross-jwt", "ACCESS_TOKEN_TYPE_JWT", "writer");
        MachineKey key = machineKey(jwt);
        Map<String, Object> reader = Map.of("reader", Map.of(orgId, orgDomain));
        Map<String, Object> writer = Map.of("writer", Map.of(orgId, orgDomain));

        for (Node[] pair : List.of(new Node[] {a, b}, new Node[] {b, a})) {
            Node issuer = pair[0];
            Node other = pair[1];
            String path = "issued on " + issuer.name() + ", used on " + other.name();
            AccessToken bearer = clientCredentials(issuer, opaque);
            AccessToken signed = clientCredentials(issuer, jwt);
            AccessToken profile = jwtProfile(issuer, jwt, key);
            assertThat(bearer.getValue()).startsWith("wdn_at_");
            assertThat(signed.getValue()).startsWith("eyJ");
            assertThat(profile.getValue()).startsWith("eyJ");

            assertThat(orgsMe(other, bearer.getValue())).as(path).isEqualTo(200);
            assertThat(orgsMe(other, signed.getValue())).as(path).isEqualTo(200);
            assertThat(orgsMe(other, profile.getValue())).as(path).isEqualTo(200);
            TokenIntrospectionSuccessResponse first = active(introspect(other, sharedBasicApp(), bearer));
            assertThat(first.getSubject().getValue()).as(path).isEqualTo(opaque.userId());
            assertThat(first.toJSONObject().get(ROLES_CLAIM)).as(path).isEqualTo(reader);
            TokenIntrospectionSuccessResponse second = active(introspect(other, sharedJwtApp(), signed));
            assertThat(second.getSubject().getValue()).as(path).isEqualTo(jwt.userId());
            assertThat(second.getJWTID().getValue()).as(path)
                    .isEqualTo(SignedJWT.parse(signed.getValue()).getJWTClaimsSet().getJWTID());
            assertThat(second.toJSONObject().get(ROLES_CLAIM)).as(path).isEqualTo(writer);
            assertThat(active(introspect(other, sharedJwtApp(), profile)).getSubject().getValue()).as(path)
                    .isEqualTo(jwt.userId());
            assertThat(active(introspect(other, sharedBasicApp(), opaque.pat())).getSubject().getValue()).as(path)
                    .isEqualTo(opaque.userId());
        }
    }
}
