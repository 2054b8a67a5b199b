package dev.warden.http.introspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.IntrospectTokenCommand;
import dev.warden.application.port.in.IntrospectionResult;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /oauth/v2/introspect} on a real server against a recording use case: client
 * authentication (security decision 2), the exact inactive answer, the active claims of contract
 * §8.2 and projects contract §7.3 with their JSON types, and the framing errors.
 */
@ServerTest
class IntrospectionEndpointTest {

    private static final String PATH = "/oauth/v2/introspect";
    private static final long MAX_BODY_BYTES = 1_048_576;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CLIENT_ID = "291800012345678901@acme";
    /** The test client connects over loopback: the address the endpoint passes on with the credential. */
    private static final String PEER = "127.0.0.1";
    private static final String SECRET = "ZmVkY2JhOTg3NjU0MzIx+/secret";
    private static final String TOKEN = "wdn_pat_dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59";
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";
    private static final String ASSERTION_TYPE = "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";
    private static final long ORG_ID = 291743516339486721L;
    private static final long PROJECT_ID = 291799912345678901L;

    private static final IntrospectionResult PAT_ACTIVE = IntrospectionResult.active(
            "291745830282477569",
            List.of("openid", "profile", "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner",
                    "urn:zitadel:iam:org:project:role:reader"),
            "", Instant.ofEpochSecond(1756372560), Instant.parse("9999-12-31T23:59:59Z"),
            List.of(CLIENT_ID, Long.toString(PROJECT_ID)), "https://acme.zitadel.cloud", "291746120515731457",
            Optional.of(new IntrospectionResult.ProfileResult("robot", "My Machine Account",
                    Instant.ofEpochSecond(1756372482, 123_000_000))),
            Optional.of(new IntrospectionResult.ResourceOwnerResult(ORG_ID, "ZITADEL", "zitadel.localhost")),
            PROJECT_ID,
            Map.of("writer", Map.of(Long.toString(ORG_ID), "zitadel.localhost"),
                    "reader", Map.of(Long.toString(ORG_ID), "zitadel.localhost", "291743516339486722", "b.localhost")));

    private static final List<IntrospectTokenCommand> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Supplier<IntrospectionResult>> ANSWER = new AtomicReference<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI uri;

    IntrospectionEndpointTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register(new IntrospectionEndpoint(command -> {
            // The client's address is the test connection's peer (no proxy, no filter: the TCP peer).
            RECEIVED.add(command);
            return ANSWER.get().get();
        }, new OAuthResponses(new JsonCodec(1024)), MAX_BODY_BYTES));
    }

    @BeforeEach
    void reset() {
        RECEIVED.clear();
        ANSWER.set(() -> PAT_ACTIVE);
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

    /** The value as the client parses it (so that 1756372560 and 1756372560L compare equal). */
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

    private static String basic(String id, String secret) {
        String pair = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private Reply post(String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri.resolve(PATH))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private Reply introspect(String token) {
        return post("token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8),
                "Authorization", basic(CLIENT_ID, SECRET));
    }

    private static void assertOAuthError(Reply reply, int status, String error, String description) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.json()).isEqualTo(tree(Map.of("error", error, "error_description", description)));
    }

    // --- who may call ------------------------------------------------------------------------

    @Test
    void withoutClientAuthenticationItIs401InvalidClientWithAChallenge() {
        Reply reply = post("token=" + TOKEN);

        assertOAuthError(reply, 401, "invalid_client", "client must be authenticated");
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"warden\"");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBareClientIdIsNotAuthentication() {
        assertOAuthError(post("client_id=" + CLIENT_ID + "&token=" + TOKEN), 401, "invalid_client",
                "client must be authenticated");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void basicCredentialsReachTheUseCaseDecodedAsAnApiClientSecret() {
        Reply reply = introspect(TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(RECEIVED).containsExactly(new IntrospectTokenCommand(
                new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET, SECRET, CLIENT_ID).from(PEER), TOKEN));
    }

    @Test
    void formSecretsReachTheUseCaseAsAnApiClientSecret() {
        post("client_id=291800012345678901%40acme&client_secret=s%2Bt&token=" + TOKEN + "&token_type_hint=access_token");

        assertThat(RECEIVED).containsExactly(new IntrospectTokenCommand(
                new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET, "s+t", CLIENT_ID).from(PEER), TOKEN));
    }

    @Test
    void aClientAssertionReachesTheUseCaseAsAnApiClientAssertion() {
        post("client_assertion_type=" + ASSERTION_TYPE + "&client_assertion=" + JWT + "&token=" + TOKEN);
        post("client_id=291800012345678901%40acme&client_assertion_type=" + ASSERTION_TYPE + "&client_assertion="
                + JWT + "&token=" + TOKEN);

        assertThat(RECEIVED).containsExactly(
                new IntrospectTokenCommand(new PresentedCredential(CredentialSchemes.API_CLIENT_ASSERTION, JWT, "")
                        .from(PEER), TOKEN),
                new IntrospectTokenCommand(new PresentedCredential(CredentialSchemes.API_CLIENT_ASSERTION, JWT,
                        CLIENT_ID).from(PEER), TOKEN));
    }

    @Test
    void aRefusedClientIs401InvalidClientWithAChallenge() {
        ANSWER.set(() -> IntrospectionResult.clientRefused("wrong secret for API client of app 1"));

        Reply reply = introspect(TOKEN);

        assertOAuthError(reply, 401, "invalid_client", "client authentication failed");
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"warden\"");
        assertThat(reply.body()).doesNotContain("wrong secret").doesNotContain("app 1");
    }

    @Test
    void aRefusedAssertionClientIsAlso401() {
        ANSWER.set(() -> IntrospectionResult.clientRefused("client assertion expired"));

        Reply reply = post("client_assertion_type=" + ASSERTION_TYPE + "&client_assertion=" + JWT + "&token=" + TOKEN);

        assertOAuthError(reply, 401, "invalid_client", "client authentication failed");
    }

    @Test
    void malformedBasicCredentialsAre401BeforeTheUseCase() {
        Reply reply = post("token=" + TOKEN, "Authorization", "Basic !!!");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"warden\"");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aMissingTokenIs400TokenMissing() {
        assertOAuthError(post("", "Authorization", basic(CLIENT_ID, SECRET)), 400, "invalid_request", "token missing");
        assertOAuthError(post("token=", "Authorization", basic(CLIENT_ID, SECRET)), 400, "invalid_request",
                "token missing");
        assertThat(RECEIVED).isEmpty();
    }

    // --- answers -----------------------------------------------------------------------------

    @Test
    void anInactiveTokenIsExactlyActiveFalseAndNeverCached() {
        ANSWER.set(() -> IntrospectionResult.inactive("expired personal access token 7"));

        Reply reply = introspect(TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"active\":false}");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void anActivePatHasEveryClaimOfTheContract() {
        Reply reply = introspect(TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        Map<String, Object> roles = Map.of(
                "reader", Map.of("291743516339486721", "zitadel.localhost", "291743516339486722", "b.localhost"),
                "writer", Map.of("291743516339486721", "zitadel.localhost"));
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("active", true);
        expected.put("scope", "openid profile urn:zitadel:iam:user:metadata urn:zitadel:iam:user:resourceowner "
                + "urn:zitadel:iam:org:project:role:reader");
        expected.put("token_type", "Bearer");
        expected.put("exp", 253402300799L);
        expected.put("iat", 1756372560L);
        expected.put("nbf", 1756372560L);
        expected.put("sub", "291745830282477569");
        expected.put("aud", List.of(CLIENT_ID, "291799912345678901"));
        expected.put("iss", "https://acme.zitadel.cloud");
        expected.put("jti", "291746120515731457");
        expected.put("username", "robot");
        expected.put("name", "My Machine Account");
        expected.put("preferred_username", "robot");
        expected.put("updated_at", 1756372482L);
        expected.put("urn:zitadel:iam:user:resourceowner:id", "291743516339486721");
        expected.put("urn:zitadel:iam:user:resourceowner:name", "ZITADEL");
        expected.put("urn:zitadel:iam:user:resourceowner:primary_domain", "zitadel.localhost");
        expected.put("urn:zitadel:iam:org:project:roles", roles);
        expected.put("urn:zitadel:iam:org:project:291799912345678901:roles", roles);
        assertThat(reply.json()).isEqualTo(tree(expected));
    }

    @Test
    void activeClaimsHaveTheRightJsonTypes() {
        JsonNode json = introspect(TOKEN).json();

        assertThat(json.get("active").isBoolean()).isTrue();
        for (String time : List.of("exp", "iat", "nbf", "updated_at")) {
            assertThat(json.get(time).isIntegralNumber()).as(time).isTrue();
        }
        for (String text : List.of("scope", "token_type", "sub", "iss", "jti", "urn:zitadel:iam:user:resourceowner:id")) {
            assertThat(json.get(text).isTextual()).as(text).isTrue();
        }
        assertThat(json.get("aud").isArray()).isTrue();
        assertThat(json.get("urn:zitadel:iam:org:project:roles").isObject()).isTrue();
        assertThat(json.get("urn:zitadel:iam:org:project:roles").get("reader").isObject()).isTrue();
        assertThat(json.get("urn:zitadel:iam:org:project:291799912345678901:roles").get("writer").isObject()).isTrue();
    }

    @Test
    void aPatHasNoClientId() {
        assertThat(introspect(TOKEN).json().has("client_id")).isFalse();
    }

    @Test
    void aTokenIssuedToAClientNamesIt() {
        ANSWER.set(() -> IntrospectionResult.active("291745830282477569",
                List.of("openid", "urn:zitadel:iam:org:project:id:291799912345678901:aud"), "robot",
                Instant.ofEpochSecond(1756372800), Instant.ofEpochSecond(1756415999),
                List.of("291799912345678901"), "https://acme.zitadel.cloud", "V2_1-at_2", Optional.empty(),
                Optional.empty(), PROJECT_ID, Map.of()));

        JsonNode json = introspect(TOKEN).json();

        assertThat(json.get("client_id").asText()).isEqualTo("robot");
        assertThat(json.get("exp").asLong()).isEqualTo(1756415999L);
        assertThat(json.get("aud")).isEqualTo(tree(List.of("291799912345678901")));
    }

    @Test
    void profileResourceOwnerAndRoleClaimsAppearOnlyWhenPresent() {
        ANSWER.set(() -> IntrospectionResult.active("291745830282477569", List.of("openid"), "robot",
                Instant.ofEpochSecond(1756372800), Instant.ofEpochSecond(1756415999),
                List.of("291799912345678901"), "https://acme.zitadel.cloud", "V2_1-at_2", Optional.empty(),
                Optional.empty(), PROJECT_ID, Map.of()));

        JsonNode json = introspect(TOKEN).json();

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("active", "scope", "client_id", "token_type", "exp", "iat", "nbf",
                "sub", "aud", "iss", "jti");
    }

    // --- framing -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405WithAllowPost(String method) {
        Reply reply = send(HttpRequest.newBuilder(uri.resolve(PATH)).header("Content-Type", FORM)
                .method(method, HttpRequest.BodyPublishers.ofString("token=" + TOKEN)));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aJsonBodyIs400() {
        Reply reply = send(HttpRequest.newBuilder(uri.resolve(PATH)).header("Content-Type", "application/json")
                .header("Authorization", basic(CLIENT_ID, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + TOKEN + "\"}")));

        assertOAuthError(reply, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aDuplicateTokenIs400() {
        assertOAuthError(post("token=a&token=b", "Authorization", basic(CLIENT_ID, SECRET)), 400, "invalid_request",
                "parameter token is included more than once");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aTwoMegabyteBodyIs413() {
        String body = "token=" + "a".repeat(2 * 1024 * 1024);

        Reply reply = post(body, "Authorization", basic(CLIENT_ID, SECRET));

        assertOAuthError(reply, 413, "invalid_request", "request body too large");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBusyServerIs503WithRetryAfter() {
        ANSWER.set(() -> {
            throw new UnavailableException("HASH-busy", "Too many concurrent secret verifications");
        });

        Reply reply = introspect(TOKEN);

        assertOAuthError(reply, 503, "temporarily_unavailable", "the server is busy, retry shortly");
        assertThat(reply.header("Retry-After")).contains("1");
    }

    @Test
    void aFailingUseCaseIsAnOpaque500() {
        ANSWER.set(() -> {
            throw new IllegalStateException("connection to db-1 refused");
        });

        Reply reply = introspect(TOKEN);

        assertOAuthError(reply, 500, "server_error", "internal error");
        assertThat(reply.body()).doesNotContain("db-1").doesNotContain("IllegalState");
    }

    @Test
    void noAnswerEchoesTheTokenOrTheSecret() {
        ANSWER.set(() -> IntrospectionResult.clientRefused("refused"));
        assertThat(introspect(TOKEN).body()).doesNotContain(TOKEN).doesNotContain(SECRET);
        ANSWER.set(() -> IntrospectionResult.inactive("inactive"));
        assertThat(introspect(TOKEN).body()).doesNotContain(TOKEN).doesNotContain(SECRET);
    }
}
