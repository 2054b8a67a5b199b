package dev.warden.http.userinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.GetUserInfoQuery;
import dev.warden.application.port.in.UserInfoResult;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.oauth.OAuthResponses;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET|POST /oidc/v1/userinfo} on a real server against a recording use case: the token
 * only from {@code Authorization: Bearer}, RFC 6750 errors and challenges, the claims of contract
 * §7.4 with their JSON types, and the framing errors.
 */
@ServerTest
class UserInfoEndpointTest {

    private static final String PATH = "/oidc/v1/userinfo";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TOKEN = "wdn_pat_dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59";
    /** The test client connects over loopback: the address the endpoint passes on with the token. */
    private static final String PEER = "127.0.0.1";
    private static final long ORG_ID = 291743516339486721L;
    private static final long PROJECT_ID = 291799912345678901L;
    private static final String CHALLENGE = "Bearer realm=\"warden\"";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"warden\", error=\"invalid_token\"";
    private static final String INVALID_REQUEST_CHALLENGE = "Bearer realm=\"warden\", error=\"invalid_request\"";

    private static final UserInfoResult PAT_CLAIMS = UserInfoResult.of(new UserInfoResult.ClaimsResult(
            "291745830282477569",
            Optional.of(new UserInfoResult.ProfileResult("robot", "My Machine Account",
                    Instant.ofEpochSecond(1756372482, 123_000_000))),
            Optional.of(new UserInfoResult.ResourceOwnerResult(ORG_ID, "ZITADEL", "zitadel.localhost")),
            List.of()));

    private static final List<GetUserInfoQuery> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Supplier<UserInfoResult>> ANSWER = new AtomicReference<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI uri;

    UserInfoEndpointTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register(new UserInfoEndpoint(query -> {
            RECEIVED.add(query);
            return ANSWER.get().get();
        }, new OAuthResponses(new JsonCodec(1024)), 1_048_576));
    }

    @BeforeEach
    void reset() {
        RECEIVED.clear();
        ANSWER.set(() -> PAT_CLAIMS);
    }

    private record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    private static JsonNode tree(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri.resolve(PATH));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Reply get(String... headers) {
        return send(request(headers).GET());
    }

    private Reply postForm(String body, String... headers) {
        return send(request(headers).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertOAuthError(Reply reply, int status, String error, String description,
                                         String challenge) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.json()).isEqualTo(tree(Map.of("error", error, "error_description", description)));
        assertThat(reply.response().headers().allValues("WWW-Authenticate")).containsExactly(challenge);
    }

    // --- success ------------------------------------------------------------------------------

    @Test
    void getWithABearerTokenAnswersTheContractsPatExample() {
        Reply reply = get("Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("sub", "291745830282477569");
        expected.put("name", "My Machine Account");
        expected.put("preferred_username", "robot");
        expected.put("updated_at", 1756372482L);
        expected.put("urn:zitadel:iam:user:resourceowner:id", "291743516339486721");
        expected.put("urn:zitadel:iam:user:resourceowner:name", "ZITADEL");
        expected.put("urn:zitadel:iam:user:resourceowner:primary_domain", "zitadel.localhost");
        assertThat(reply.json()).isEqualTo(tree(expected));
        assertThat(reply.json().get("updated_at").isIntegralNumber()).isTrue();
        assertThat(RECEIVED).containsExactly(new GetUserInfoQuery(TOKEN, PEER));
    }

    @Test
    void postWithABearerTokenAndNoBodyWorksToo() {
        Reply reply = send(request("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("sub").asText()).isEqualTo("291745830282477569");
        assertThat(RECEIVED).containsExactly(new GetUserInfoQuery(TOKEN, PEER));
    }

    @Test
    void postWithAFormBodyWithoutAccessTokenWorks() {
        Reply reply = postForm("claims=none", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(RECEIVED).containsExactly(new GetUserInfoQuery(TOKEN, PEER));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(get("Authorization", "bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(RECEIVED).containsExactly(new GetUserInfoQuery(TOKEN, PEER));
    }

    @Test
    void onlyTheSubjectWhenNoClaimScopeWasGranted() {
        ANSWER.set(() -> UserInfoResult.of(new UserInfoResult.ClaimsResult("42", Optional.empty(), Optional.empty(),
                List.of())));

        assertThat(get("Authorization", "Bearer " + TOKEN).json()).isEqualTo(tree(Map.of("sub", "42")));
    }

    @Test
    void roleClaimsAreNamedByProjectWithTheZitadelShape() {
        ANSWER.set(() -> UserInfoResult.of(new UserInfoResult.ClaimsResult("42", Optional.empty(), Optional.empty(),
                List.of(new UserInfoResult.ProjectRolesResult(PROJECT_ID, Map.of(
                                "reader", Map.of(Long.toString(ORG_ID), "zitadel.localhost"))),
                        new UserInfoResult.ProjectRolesResult(7, Map.of("admin", Map.of("9", "b.localhost")))))));

        JsonNode json = get("Authorization", "Bearer " + TOKEN).json();

        assertThat(json).isEqualTo(tree(Map.of("sub", "42",
                "urn:zitadel:iam:org:project:" + PROJECT_ID + ":roles",
                Map.of("reader", Map.of(Long.toString(ORG_ID), "zitadel.localhost")),
                "urn:zitadel:iam:org:project:7:roles", Map.of("admin", Map.of("9", "b.localhost")))));
        assertThat(json.has("urn:zitadel:iam:org:project:roles")).isFalse();
    }

    // --- refusals -----------------------------------------------------------------------------

    @Test
    void withoutATokenItIs401AccessTokenMissingWithAChallengeWithoutErrorCode() {
        assertOAuthError(get(), 401, "invalid_request", "access token missing", CHALLENGE);
        assertOAuthError(send(request().POST(HttpRequest.BodyPublishers.noBody())), 401, "invalid_request",
                "access token missing", CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void anotherSchemeIsNoAccessToken() {
        assertOAuthError(get("Authorization", "Basic cm9ib3Q6c2VjcmV0"), 401, "invalid_request",
                "access token missing", CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aRefusedTokenIs401InvalidTokenWithTheRfc6750Challenge() {
        ANSWER.set(() -> UserInfoResult.invalidToken("revoked"));

        Reply reply = get("Authorization", "Bearer " + TOKEN);

        assertOAuthError(reply, 401, "invalid_token", "access token invalid", INVALID_TOKEN_CHALLENGE);
        assertThat(reply.body()).doesNotContain(TOKEN).doesNotContain("revoked");
        assertThat(RECEIVED).containsExactly(new GetUserInfoQuery(TOKEN, PEER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer a b", "Bearer tok%en", "Bearer =abc"})
    void aMalformedBearerHeaderIs401InvalidRequestAsOnTheManagementApi(String header) {
        assertOAuthError(get("Authorization", header), 401, "invalid_request", "malformed Authorization header",
                INVALID_REQUEST_CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAre401InvalidRequest() {
        assertOAuthError(get("Authorization", "Bearer " + TOKEN, "Authorization", "Bearer other"), 401,
                "invalid_request", "more than one Authorization header", INVALID_REQUEST_CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aFormBodyAccessTokenIsRefusedEvenWithAHeader() {
        String description = "the access token must be sent in the Authorization header";
        assertOAuthError(postForm("access_token=" + TOKEN), 400, "invalid_request", description,
                INVALID_REQUEST_CHALLENGE);
        assertOAuthError(postForm("access_token=" + TOKEN, "Authorization", "Bearer " + TOKEN), 400,
                "invalid_request", description, INVALID_REQUEST_CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aQueryAccessTokenIsRefused() {
        Reply reply = send(HttpRequest.newBuilder(uri.resolve(PATH + "?access_token=" + TOKEN)).GET());

        assertOAuthError(reply, 400, "invalid_request", "the access token must be sent in the Authorization header",
                INVALID_REQUEST_CHALLENGE);
        assertThat(reply.body()).doesNotContain(TOKEN);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBrokenFormBodyIs400() {
        assertOAuthError(postForm("a=1&a=2", "Authorization", "Bearer " + TOKEN), 400, "invalid_request",
                "parameter a is included more than once", INVALID_REQUEST_CHALLENGE);
        assertThat(RECEIVED).isEmpty();
    }

    // --- framing ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAre405WithAllowGetPost(String method) {
        Reply reply = send(request("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET, POST");
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBusyServerIs503WithRetryAfter() {
        ANSWER.set(() -> {
            throw new UnavailableException("HASH-busy", "Too many concurrent secret verifications");
        });

        Reply reply = get("Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(reply.header("Retry-After")).contains("1");
    }

    @Test
    void aFailingUseCaseIsAnOpaque500() {
        ANSWER.set(() -> {
            throw new IllegalStateException("connection to db-1 refused");
        });

        Reply reply = get("Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json()).isEqualTo(tree(Map.of("error", "server_error", "error_description",
                "internal error")));
        assertThat(reply.body()).doesNotContain("db-1").doesNotContain("IllegalState");
    }
}
