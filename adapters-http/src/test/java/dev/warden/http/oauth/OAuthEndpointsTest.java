package dev.warden.http.oauth;

import dev.warden.application.audit.AuditTrail;
import dev.warden.http.NoAuditEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.oauth.OAuthFixture;
import dev.warden.application.service.AuthenticateManagementCallService;
import dev.warden.application.service.GetUserInfoService;
import dev.warden.application.service.IssueClientCredentialsTokenService;
import dev.warden.application.service.IssueJwtProfileTokenService;
import dev.warden.application.service.RevokeTokenService;
import dev.warden.http.HttpAdapter;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token, revocation and userinfo endpoints over the real use cases and verifiers, against
 * in-memory ports.
 */
@RoutingTest
class OAuthEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OAuthFixture WORLD = new OAuthFixture();
    private static final String ZITADEL_AUD = "urn:zitadel:iam:org:project:id:zitadel:aud";

    private final DirectClient client;

    OAuthEndpointsTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        var chain = WORLD.authenticate();
        HttpAdapter recording = new RecordingUseCases().adapter();
        WardenRouting.routing(routing, new HttpAdapter(new AuthenticateManagementCallService(chain,
                WORLD.ports.instances), recording.orgs(), recording.users(), recording.members(), recording.secrets(),
                recording.keys(), new OAuthUseCases(
                        new IssueClientCredentialsTokenService(chain, WORLD.issuer()),
                        new IssueJwtProfileTokenService(chain, WORLD.issuer()),
                        new RevokeTokenService(chain, WORLD.ports.accessTokens, WORLD.ports.signingKeys,
                                WORLD.ports.cache, AuditTrail.none()),
                        command -> {
                            throw new AssertionError("introspection is tested in IntrospectionEndpointTest");
                        },
                        new GetUserInfoService(chain, WORLD.ports.users, WORLD.ports.organizations,
                                WORLD.ports.roleGrants)), recording.signingKeys(), recording.projects(),
                NoAuditEvents.SEARCH));
    }

    private record Reply(int status, JsonNode json, Http1ClientResponse response) {
        String error() {
            return json.path("error").asText();
        }
    }

    private Reply post(String path, String authorization, String form) {
        var request = client.method(Method.POST).path(path)
                .header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
        if (authorization != null) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        Http1ClientResponse response = request.submit(form);
        String text = response.as(String.class);
        assertThat(response.headers().first(HeaderNames.CACHE_CONTROL)).contains("no-store");
        assertThat(text).doesNotContain("Exception").doesNotContain("dev.warden");
        try {
            return new Reply(response.status().code(), text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text),
                    response);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply token(String authorization, String form) {
        return post("/oauth/v2/token", authorization, form);
    }

    private String accessToken(String scope) {
        Reply reply = token(basic("robot", WORLD.secret), "grant_type=client_credentials&scope=" + enc(scope));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private int orgsMe(String token) {
        return client.method(Method.GET).path("/management/v1/orgs/me")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token).request().status().code();
    }

    @Test
    void clientSecretBasicGetsATokenResponse() {
        Reply reply = token(basic("robot", WORLD.secret), "grant_type=client_credentials&scope="
                + enc("openid profile " + ZITADEL_AUD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).startsWith("wdn_at_");
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isEqualTo(43200);
        assertThat(reply.json().get("scope").asText()).isEqualTo("openid profile " + ZITADEL_AUD);
        assertThat(reply.json().get("id_token").asText()).startsWith("eyJ");
        assertThat(reply.json().has("refresh_token")).isFalse();
        assertThat(reply.response().headers().first(HeaderNames.PRAGMA)).contains("no-cache");
    }

    @Test
    void clientSecretPostGetsAToken() {
        Reply reply = token(null, "grant_type=client_credentials&client_id=robot&client_secret=" + enc(WORLD.secret)
                + "&scope=openid");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("id_token")).isTrue();
    }

    @Test
    void accessTokenWorksOnTheManagementApiOnlyWithItsAudience() {
        assertThat(orgsMe(accessToken("openid " + ZITADEL_AUD))).isNotEqualTo(401);
        assertThat(orgsMe(accessToken("openid"))).isEqualTo(401);
        assertThat(orgsMe(accessToken("openid urn:zitadel:iam:org:project:id:4711:aud"))).isEqualTo(401);
    }

    @Test
    void grantTypeErrors() {
        Reply missing = token(null, "scope=openid");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("invalid_request");
        assertThat(missing.json().get("error_description").asText()).isEqualTo("grant_type missing");

        Reply unknown = token(null, "grant_type=password&scope=openid");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).isEqualTo("unsupported_grant_type");
        assertThat(unknown.json().get("error_description").asText()).isEqualTo("password not supported");
    }

    @Test
    void clientCredentialsFailuresAre401InvalidClientWithAChallenge() {
        WORLD.ports.serviceUser(WORLD.org, "without-secret");
        for (String[] attempt : new String[][] {{null, "grant_type=client_credentials&scope=openid"},
                {basic("robot", "wrong"), "grant_type=client_credentials&scope=openid"},
                {basic("nobody", WORLD.secret), "grant_type=client_credentials&scope=openid"},
                {basic("without-secret", WORLD.secret), "grant_type=client_credentials&scope=openid"},
                {null, "grant_type=client_credentials&client_id=robot&client_secret=wrong&scope=openid"},
                {"Bearer abc", "grant_type=client_credentials&scope=openid"}}) {
            Reply reply = token(attempt[0], attempt[1]);

            assertThat(reply.status()).as(attempt[1]).isEqualTo(401);
            assertThat(reply.error()).isEqualTo("invalid_client");
            assertThat(reply.response().headers().first(HeaderNames.WWW_AUTHENTICATE)).isPresent();
        }
    }

    @Test
    void clientCredentialsWithoutScopeIsInvalidRequest() {
        Reply reply = token(basic("robot", WORLD.secret), "grant_type=client_credentials");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_request");
    }

    @Test
    void jwtProfileGetsATokenBoundToTheKeyAndRefusesReplays() {
        String assertion = WORLD.assertion();
        String form = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + assertion
                + "&scope=" + enc("openid " + ZITADEL_AUD);

        Reply first = token(null, form);
        Reply replay = token(null, form);

        assertThat(first.status()).isEqualTo(200);
        assertThat(orgsMe(first.json().get("access_token").asText())).isNotEqualTo(401);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.error()).isEqualTo("invalid_grant");
    }

    @Test
    void jwtProfileErrors() {
        String grant = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer");
        Reply missing = token(null, grant + "&scope=openid");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("invalid_request");
        assertThat(missing.json().get("error_description").asText()).isEqualTo("assertion missing");

        for (String assertion : new String[] {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(20_000)}) {
            Reply reply = token(null, grant + "&scope=openid&assertion=" + enc(assertion));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void formErrorsAreOAuthErrors() {
        Reply twice = token(null, "grant_type=client_credentials&grant_type=client_credentials");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error()).isEqualTo("invalid_request");

        Http1ClientResponse json = client.method(Method.POST).path("/oauth/v2/token")
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit("{}");
        assertThat(json.status().code()).isEqualTo(400);
        assertThat(json.as(String.class)).contains("invalid_request");
    }

    @Test
    void otherMethodsAre405WithAllowAndUnknownOAuthPathsAJson404() {
        for (String path : List.of("/oauth/v2/token", "/oauth/v2/revoke", "/oauth/v2/introspect")) {
            for (Method method : List.of(Method.GET, Method.PUT, Method.DELETE)) {
                Http1ClientResponse response = client.method(method).path(path).request();
                assertThat(response.status().code()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().first(HeaderNames.ALLOW)).contains("POST");
                assertThat(response.as(String.class)).contains("\"error\":\"invalid_request\"");
            }
        }
        for (String path : List.of("/oauth/v2/unknown", "/oauth/v2", "/oidc/v1/nothing-here")) {
            Http1ClientResponse response = client.method(Method.POST).path(path).request();
            assertThat(response.status().code()).as(path).isEqualTo(404);
            assertThat(response.headers().contentType().map(Object::toString).orElse("")).contains("json");
            assertThat(response.as(String.class)).contains("\"error\":\"invalid_request\"");
        }
    }

    @Test
    void revokedTokenIsRefusedOnTheNextRequest() {
        String token = accessToken("openid " + ZITADEL_AUD);
        assertThat(orgsMe(token)).isNotEqualTo(401);

        Reply revoked = post("/oauth/v2/revoke", basic("robot", WORLD.secret), "token=" + token);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(orgsMe(token)).isEqualTo(401);
        assertThat(post("/oauth/v2/revoke", basic("robot", WORLD.secret), "token=" + token).status()).isEqualTo(200);
    }

    private Http1ClientResponse userInfo(String token) {
        return client.method(Method.GET).path("/oidc/v1/userinfo")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token).request();
    }

    @Test
    void userinfoTakesAnAccessTokenOfAnyAudienceWhichTheManagementApiRefuses() throws Exception {
        String token = accessToken("openid profile urn:zitadel:iam:org:project:id:4711:aud");
        assertThat(orgsMe(token)).isEqualTo(401);

        Http1ClientResponse response = userInfo(token);

        assertThat(response.status().code()).isEqualTo(200);
        JsonNode claims = JSON.readTree(response.as(String.class));
        assertThat(claims.get("sub").asText()).isEqualTo(Long.toString(WORLD.user.id()));
        assertThat(claims.get("preferred_username").asText()).isEqualTo("robot");
    }

    @Test
    void userinfoRefusesARevokedAccessTokenAndTheClientSecretItself() throws Exception {
        String token = accessToken("openid");
        assertThat(userInfo(token).status().code()).isEqualTo(200);
        assertThat(post("/oauth/v2/revoke", basic("robot", WORLD.secret), "token=" + token).status())
                .isEqualTo(200);

        Http1ClientResponse revoked = userInfo(token);
        assertThat(revoked.status().code()).isEqualTo(401);
        assertThat(JSON.readTree(revoked.as(String.class)).get("error").asText()).isEqualTo("invalid_token");
        assertThat(revoked.headers().first(HeaderNames.WWW_AUTHENTICATE))
                .contains("Bearer realm=\"warden\", error=\"invalid_token\"");
        // The client secret authenticates at the token endpoint only (its scheme is not Bearer).
        assertThat(userInfo(WORLD.secret).status().code()).isEqualTo(401);
        assertThat(client.method(Method.GET).path("/oidc/v1/userinfo")
                .header(HeaderNames.AUTHORIZATION, basic("robot", WORLD.secret)).request().status().code())
                .isEqualTo(401);
    }

    @Test
    void revocationErrors() {
        String token = accessToken("openid " + ZITADEL_AUD);
        WORLD.ports.secrets.save(dev.warden.domain.serviceuser.MachineSecret.create(
                WORLD.ports.serviceUser(WORLD.org, "neighbour").id(), WORLD.ports.hasher.hash(
                        "neighbour-secret".getBytes(StandardCharsets.UTF_8)), WORLD.ports.clock.instant()));

        Reply noClient = post("/oauth/v2/revoke", null, "token=" + token);
        assertThat(noClient.status()).isEqualTo(401);
        assertThat(noClient.error()).isEqualTo("invalid_client");
        Reply wrongSecret = post("/oauth/v2/revoke", basic("robot", "wrong"), "token=" + token);
        assertThat(wrongSecret.status()).isEqualTo(401);
        Reply noToken = post("/oauth/v2/revoke", basic("robot", WORLD.secret), "");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.error()).isEqualTo("invalid_request");
        Reply garbage = post("/oauth/v2/revoke", basic("robot", WORLD.secret), "token=garbage");
        assertThat(garbage.status()).isEqualTo(200);
        Reply othersToken = post("/oauth/v2/revoke", basic("neighbour", "neighbour-secret"), "token=" + token);
        assertThat(othersToken.status()).isEqualTo(400);
        assertThat(othersToken.error()).isEqualTo("unauthorized_client");
        Reply pat = post("/oauth/v2/revoke", basic("robot", WORLD.secret), "token="
                + WORLD.ports.issuePersonalAccessToken(WORLD.user, null).token());
        assertThat(pat.status()).isEqualTo(400);
        assertThat(pat.error()).isEqualTo("unsupported_token_type");

        assertThat(orgsMe(token)).isNotEqualTo(401);
    }
}
