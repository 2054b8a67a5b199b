package dev.warden.http.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.error.UnavailableException;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.json.PayloadTooLargeException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth plumbing on a real server: {@link OAuthForm#read} (content type, size limit),
 * {@link ClientAuthentication#of(io.helidon.webserver.http.ServerRequest, OAuthForm)} with real
 * headers, and {@link OAuthResponses} (no-store, error bodies, challenges, and what the handler
 * makes of each failure).
 */
@ServerTest
class OAuthHttpTest {

    private static final long MAX_FORM_BYTES = 64;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI uri;

    OAuthHttpTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        OAuthResponses responses = new OAuthResponses(new JsonCodec(1024));
        routing.post("/form", responses.handler((request, response) -> {
            OAuthForm form = OAuthForm.read(request, MAX_FORM_BYTES);
            Map<String, String> echo = new LinkedHashMap<>();
            for (String name : List.of("token", "scope", "client_id")) {
                form.get(name).ifPresent(value -> echo.put(name, value));
            }
            responses.ok(response, echo);
        }));
        routing.post("/client", responses.handler((request, response) -> {
            ClientAuthentication auth = ClientAuthentication.of(request, OAuthForm.read(request, MAX_FORM_BYTES));
            responses.ok(response, Map.of("kind", auth.getClass().getSimpleName(),
                    "client_id", auth.clientId().orElse("")));
        }));
        routing.get("/ok", responses.handler((request, response) -> responses.ok(response, Map.of("active", true))));
        routing.get("/grant", responses.handler((request, response) -> {
            throw new OAuthException(OAuthError.invalidGrant("assertion expired"));
        }));
        routing.get("/client-error", responses.handler((request, response) -> {
            throw new OAuthException(OAuthError.invalidClient("client authentication failed"));
        }));
        routing.get("/no-description", responses.handler((request, response) -> {
            throw new OAuthException(new OAuthError(400, "invalid_scope", null));
        }));
        routing.get("/too-large", responses.handler((request, response) -> {
            throw new PayloadTooLargeException(64);
        }));
        routing.get("/unavailable", responses.handler((request, response) -> {
            throw new UnavailableException("HASH-busy", "Too many concurrent secret verifications");
        }));
        routing.get("/bug", responses.handler((request, response) -> {
            throw new IllegalStateException("SELECT secret FROM apps -- dev.warden.Internal failed");
        }));
    }

    private record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        List<String> headers(String name) {
            return response.headers().allValues(name);
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

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri.resolve(path));
    }

    private Reply post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private Reply get(String path) {
        return send(request(path).GET());
    }

    private static void assertOAuthError(Reply reply, int status, String error, String description) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("error", error);
        if (description != null) {
            expected.put("error_description", description);
        }
        assertThat(reply.json()).isEqualTo(JSON.valueToTree(expected));
    }

    // --- OAuthForm.read ----------------------------------------------------------------------

    @Test
    void aFormBodyIsRead() {
        Reply reply = post("/form", FORM, "token=abc&scope=openid+profile&client_id=robot%40acme");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(JSON.valueToTree(Map.of("token", "abc", "scope", "openid profile",
                "client_id", "robot@acme")));
    }

    @Test
    void aCharsetParameterAndAnyCaseOfTheMediaTypeAreAccepted() {
        assertThat(post("/form", "application/x-www-form-urlencoded; charset=UTF-8", "token=a").status())
                .isEqualTo(200);
        assertThat(post("/form", "application/x-www-form-urlencoded;charset=utf-8", "token=a").status())
                .isEqualTo(200);
        assertThat(post("/form", "Application/X-WWW-Form-URLEncoded", "token=a").status()).isEqualTo(200);
    }

    @Test
    void anotherContentTypeIsInvalidRequest() {
        String description = "Content-Type must be application/x-www-form-urlencoded";
        assertOAuthError(post("/form", "application/json", "{\"token\":\"a\"}"), 400, "invalid_request", description);
        assertOAuthError(post("/form", "text/plain", "token=a"), 400, "invalid_request", description);
        assertOAuthError(post("/form", "multipart/form-data; boundary=x", "token=a"), 400, "invalid_request",
                description);
        assertOAuthError(post("/form", "application/x-www-form-urlencoded-x", "token=a"), 400, "invalid_request",
                description);
    }

    @Test
    void aMissingContentTypeIsInvalidRequest() {
        assertOAuthError(post("/form", null, "token=a"), 400, "invalid_request",
                "Content-Type must be application/x-www-form-urlencoded");
    }

    @Test
    void anEmptyFormIsAccepted() {
        Reply reply = post("/form", FORM, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String body = "token=" + "a".repeat((int) MAX_FORM_BYTES - 6);

        assertThat(post("/form", FORM, body).status()).isEqualTo(200);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413() {
        String body = "token=" + "a".repeat((int) MAX_FORM_BYTES);

        assertOAuthError(post("/form", FORM, body), 413, "invalid_request", "request body too large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = ("token=" + "a".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
        Reply reply = send(request("/form").header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertOAuthError(reply, 413, "invalid_request", "request body too large");
    }

    @Test
    void parseErrorsAreOAuthAnswers() {
        assertOAuthError(post("/form", FORM, "token=a&token=b"), 400, "invalid_request",
                "parameter token is included more than once");
        assertOAuthError(post("/form", FORM, "token=%zz"), 400, "invalid_request", "body is not valid form encoding");
        Reply invalidUtf8 = send(request("/form").header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'t', '=', (byte) 0xFF})));
        assertOAuthError(invalidUtf8, 400, "invalid_request", "body is not valid UTF-8");
    }

    // --- ClientAuthentication with real headers ----------------------------------------------

    @Test
    void basicCredentialsAreReadFromTheRequest() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("robot%40acme:s".getBytes(StandardCharsets.UTF_8));
        Reply reply = post("/client", FORM, "token=t", "Authorization", basic);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(JSON.valueToTree(Map.of("kind", "Secret", "client_id", "robot@acme")));
    }

    @Test
    void twoAuthorizationHeadersAre401WithAChallenge() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("robot:s".getBytes(StandardCharsets.UTF_8));
        Reply reply = post("/client", FORM, "token=t", "Authorization", basic, "Authorization", basic);

        assertOAuthError(reply, 401, "invalid_client", "send one Authorization header");
        assertThat(reply.headers("WWW-Authenticate")).containsExactly("Basic realm=\"warden\"");
    }

    @Test
    void noAuthorizationHeaderIsNone() {
        Reply reply = post("/client", FORM, "client_id=robot");

        assertThat(reply.json()).isEqualTo(JSON.valueToTree(Map.of("kind", "None", "client_id", "robot")));
    }

    // --- OAuthResponses ----------------------------------------------------------------------

    @Test
    void okIsJsonThatIsNeverCached() {
        Reply reply = get("/ok");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"active\":true}");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.headers("Cache-Control")).containsExactly("no-store");
        assertThat(reply.headers("Pragma")).containsExactly("no-cache");
        assertThat(reply.header("WWW-Authenticate")).isNull();
    }

    @Test
    void anOAuthExceptionIsItsErrorBody() {
        Reply reply = get("/grant");

        assertOAuthError(reply, 400, "invalid_grant", "assertion expired");
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"assertion expired\"}");
        assertThat(reply.header("WWW-Authenticate")).isNull();
        assertThat(reply.header("Retry-After")).isNull();
    }

    @Test
    void anEmptyDescriptionLeavesTheKeyOut() {
        Reply reply = get("/no-description");

        assertOAuthError(reply, 400, "invalid_scope", null);
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_scope\"}");
    }

    @Test
    void invalidClientIs401WithABasicChallenge() {
        Reply reply = get("/client-error");

        assertOAuthError(reply, 401, "invalid_client", "client authentication failed");
        assertThat(reply.headers("WWW-Authenticate")).containsExactly("Basic realm=\"warden\"");
    }

    @Test
    void payloadTooLargeIs413InOAuthShape() {
        assertOAuthError(get("/too-large"), 413, "invalid_request", "request body too large");
    }

    @Test
    void unavailableIs503TemporarilyUnavailableWithRetryAfter() {
        Reply reply = get("/unavailable");

        assertOAuthError(reply, 503, "temporarily_unavailable", "the server is busy, retry shortly");
        assertThat(reply.headers("Retry-After")).containsExactly("1");
        assertThat(reply.body()).doesNotContain("HASH-busy");
    }

    @Test
    void anyOtherFailureIsAnOpaque500() {
        Reply reply = get("/bug");

        assertOAuthError(reply, 500, "server_error", "internal error");
        assertThat(reply.body()).doesNotContain("SELECT").doesNotContain("dev.warden").doesNotContain("Exception")
                .doesNotContain("at ");
    }

    @Test
    void theServerStillAnswersAfterAFailure() {
        get("/bug");

        assertThat(get("/ok").status()).isEqualTo(200);
    }
}
