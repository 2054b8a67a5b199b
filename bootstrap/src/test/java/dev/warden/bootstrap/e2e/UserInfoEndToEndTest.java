package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The userinfo endpoint (contract §7.4) through the real server on MariaDB, driven by the Nimbus
 * OpenID Connect SDK as a real client: a PAT and client-credentials tokens (opaque and JWT) get
 * their user's claims whatever their audience; no token, garbage, a revoked token and a
 * deactivated user are refused the RFC 6750 way, which Nimbus reads from the challenge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInfoEndToEndTest {

    private static final String ISSUER = "http://localhost:8080";

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;
    private URI tokenEndpoint;
    private URI revocationEndpoint;
    private URI userInfoEndpoint;

    private String orgId;
    private String orgName;
    private String orgDomain;
    private String projectId;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        database = new TestMariaDb();
        warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.external.url", ISSUER,
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD)))));
        api = new Api(warden.port());
        try {
            admin = Files.readString(dataDir.resolve("admin.pat")).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String base = "http://127.0.0.1:" + warden.port();
        tokenEndpoint = URI.create(base + "/oauth/v2/token");
        revocationEndpoint = URI.create(base + "/oauth/v2/revoke");
        userInfoEndpoint = URI.create(base + "/oidc/v1/userinfo");

        JsonNode org = api.get("/management/v1/orgs/me", admin).at("/org");
        orgId = org.at("/id").asText();
        orgName = org.at("/name").asText();
        orgDomain = org.at("/primaryDomain").asText();
        projectId = ok(api.post("/management/v1/projects", admin, "{\"name\":\"acme-api\"}")).text("/id");
        ok(api.post("/management/v1/projects/" + projectId + "/roles/_bulk", admin,
                "{\"roles\":[{\"key\":\"reader\",\"displayName\":\"Reader\"},{\"key\":\"writer\",\"displayName\":\"Writer\"}]}"));
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

    /** A service user with a client secret and the role reader; returns {userId, userName, secret}. */
    private Map<String, String> robot(String name, String accessTokenType) {
        String userId = ok(api.post("/management/v1/users/machine", admin, "{\"userName\":\"" + name
                + "\",\"name\":\"Robot " + name + "\",\"accessTokenType\":\"" + accessTokenType + "\"}"))
                .text("/userId");
        String secret = ok(api.put("/management/v1/users/" + userId + "/secret", admin, "{}")).text("/clientSecret");
        ok(api.post("/management/v1/users/" + userId + "/grants", admin,
                "{\"projectId\":\"" + projectId + "\",\"roleKeys\":[\"reader\"]}"));
        return Map.of("userId", userId, "userName", name, "secret", secret);
    }

    private Map<String, String> robot(String name) {
        return robot(name, "ACCESS_TOKEN_TYPE_BEARER");
    }

    private String pat(Map<String, String> robot) {
        return ok(api.post("/management/v1/users/" + robot.get("userId") + "/pats", admin, "{}")).text("/token");
    }

    private AccessToken token(Map<String, String> robot, String scope) throws Exception {
        TokenRequest request = new TokenRequest(tokenEndpoint, new ClientSecretBasic(
                new ClientID(robot.get("userName")), new Secret(robot.get("secret"))),
                new ClientCredentialsGrant(), Scope.parse(scope));
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(response.toHTTPResponse().getBody()).isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private HTTPResponse userInfoHttp(String token) throws Exception {
        return new UserInfoRequest(userInfoEndpoint, new BearerAccessToken(token)).toHTTPRequest().send();
    }

    private UserInfo userInfo(String token) throws Exception {
        HTTPResponse http = userInfoHttp(token);
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(200);
        assertThat(http.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        UserInfoResponse response = UserInfoResponse.parse(http);
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse().getUserInfo();
    }

    /** A refusal as Nimbus reads it (from the challenge) and as the body says it. */
    private void assertRefused(HTTPResponse http, BearerTokenError expected, String error, String description)
            throws Exception {
        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(401);
        UserInfoErrorResponse response = UserInfoResponse.parse(http).toErrorResponse();
        assertThat(response.getErrorObject()).isInstanceOf(BearerTokenError.class);
        BearerTokenError bearer = (BearerTokenError) response.getErrorObject();
        assertThat(bearer.getCode()).isEqualTo(expected.getCode());
        assertThat(bearer.getHTTPStatusCode()).isEqualTo(401);
        assertThat(bearer.getRealm()).isEqualTo("warden");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.getBody());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }

    private void assertInvalidToken(String token) throws Exception {
        HTTPResponse http = userInfoHttp(token);
        assertRefused(http, BearerTokenError.INVALID_TOKEN, "invalid_token", "access token invalid");
        assertThat(http.getBody()).doesNotContain(token);
    }

    @Test
    void aPatGetsTheClaimsOfTheContractsExample() throws Exception {
        Map<String, String> robot = robot("pat-robot");

        UserInfo info = userInfo(pat(robot));

        assertThat(info.getSubject().getValue()).isEqualTo(robot.get("userId"));
        assertThat(info.getName()).isEqualTo("Robot pat-robot");
        assertThat(info.getPreferredUsername()).isEqualTo("pat-robot");
        assertThat(info.getUpdatedTime()).isNotNull();
        assertThat(info.getStringClaim("urn:zitadel:iam:user:resourceowner:id")).isEqualTo(orgId);
        assertThat(info.getStringClaim("urn:zitadel:iam:user:resourceowner:name")).isEqualTo(orgName);
        assertThat(info.getStringClaim("urn:zitadel:iam:user:resourceowner:primary_domain")).isEqualTo(orgDomain);
        // A PAT asks for no role claims (its scopes are fixed), though the user holds a role.
        assertThat(info.toJSONObject().keySet()).noneMatch(claim -> claim.endsWith(":roles"));
    }

    @Test
    void clientCredentialsTokensOfAnyAudienceGetTheirScopesClaimsOpaqueAndJwt() throws Exception {
        String scope = "openid profile urn:zitadel:iam:org:project:id:" + projectId
                + ":aud urn:zitadel:iam:org:projects:roles";
        for (String type : new String[] {"ACCESS_TOKEN_TYPE_BEARER", "ACCESS_TOKEN_TYPE_JWT"}) {
            Map<String, String> robot = robot("cc-" + type.substring(18).toLowerCase(), type);
            AccessToken token = token(robot, scope);
            assertThat(token.getValue()).as(type).startsWith(type.endsWith("JWT") ? "eyJ" : "wdn_at_");
            // Not for the management API: refused there, fine here.
            assertThat(api.get("/management/v1/orgs/me", token.getValue()).status()).isEqualTo(401);

            UserInfo info = userInfo(token.getValue());

            assertThat(info.getSubject().getValue()).as(type).isEqualTo(robot.get("userId"));
            assertThat(info.getPreferredUsername()).isEqualTo(robot.get("userName"));
            assertThat(info.getName()).isEqualTo("Robot " + robot.get("userName"));
            assertThat(info.toJSONObject().get("urn:zitadel:iam:org:project:" + projectId + ":roles"))
                    .isEqualTo(Map.of("reader", Map.of(orgId, orgDomain)));
            assertThat(info.getClaim("urn:zitadel:iam:user:resourceowner:id")).as("not in scope").isNull();
        }
    }

    @Test
    void onlyTheSubjectWithoutClaimScopes() throws Exception {
        Map<String, String> robot = robot("plain-robot");

        UserInfo info = userInfo(token(robot, "openid").getValue());

        assertThat(info.toJSONObject()).isEqualTo(Map.of("sub", robot.get("userId")));
    }

    @Test
    void withoutATokenNimbusSeesTheMissingTokenChallenge() throws Exception {
        HTTPResponse http = new HTTPRequest(HTTPRequest.Method.GET, userInfoEndpoint).send();

        assertRefused(http, BearerTokenError.MISSING_TOKEN, "invalid_request", "access token missing");
        assertThat(http.getHeaderValue("WWW-Authenticate")).isEqualTo("Bearer realm=\"warden\"");
    }

    @Test
    void garbageIsAnInvalidToken() throws Exception {
        assertInvalidToken("garbage");
        assertInvalidToken("wdn_pat_dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59");
        assertInvalidToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
    }

    @Test
    void revokedAccessTokensAndRemovedPatsAreRefusedAtOnce() throws Exception {
        Map<String, String> robot = robot("revoked-robot");
        AccessToken token = token(robot, "openid profile");
        userInfo(token.getValue());
        HTTPResponse revoked = new TokenRevocationRequest(revocationEndpoint, new ClientSecretBasic(
                new ClientID(robot.get("userName")), new Secret(robot.get("secret"))), token).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);

        assertInvalidToken(token.getValue());

        Api.Reply added = ok(api.post("/management/v1/users/" + robot.get("userId") + "/pats", admin, "{}"));
        userInfo(added.text("/token"));
        ok(api.delete("/management/v1/users/" + robot.get("userId") + "/pats/" + added.text("/tokenId"), admin));
        assertInvalidToken(added.text("/token"));
    }

    @Test
    void aDeactivatedUsersTokensAreRefusedUntilReactivation() throws Exception {
        Map<String, String> robot = robot("inactive-robot");
        String pat = pat(robot);
        String token = token(robot, "openid").getValue();
        userInfo(pat);
        userInfo(token);

        ok(api.post("/management/v1/users/" + robot.get("userId") + "/_deactivate", admin, "{}"));
        assertInvalidToken(pat);
        assertInvalidToken(token);

        ok(api.post("/management/v1/users/" + robot.get("userId") + "/_reactivate", admin, "{}"));
        assertThat(userInfo(pat).getSubject().getValue()).isEqualTo(robot.get("userId"));
    }

    @Test
    void nimbusPostSendsTheTokenInTheBodyWhichIsRefusedAndGetIsTheWay() throws Exception {
        String pat = pat(robot("post-robot"));

        HTTPResponse post = new UserInfoRequest(userInfoEndpoint, HTTPRequest.Method.POST, new BearerAccessToken(pat))
                .toHTTPRequest().send();

        assertThat(post.getStatusCode()).isEqualTo(400);
        assertThat(post.getBody()).contains("\"invalid_request\"").doesNotContain(pat);
        assertThat(UserInfoResponse.parse(post).indicatesSuccess()).isFalse();
        // A POST with the header (and no body) is fine.
        HTTPRequest headerPost = new HTTPRequest(HTTPRequest.Method.POST, userInfoEndpoint);
        headerPost.setAuthorization("Bearer " + pat);
        assertThat(headerPost.send().getStatusCode()).isEqualTo(200);
    }
}
