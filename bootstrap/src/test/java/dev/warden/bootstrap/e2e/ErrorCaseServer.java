package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.Wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real Warden server on a fresh MariaDB database for the error-case end-to-end tests, with the
 * checks every one of them makes: each answer is JSON without a trace of the server's internals, an
 * error has the contract's shape (§9.1), and a failed request stored nothing.
 */
final class ErrorCaseServer implements AutoCloseable {

    static final String ERROR_DETAIL_TYPE = "type.googleapis.com/zitadel.v1.ErrorDetail";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Everything but the asynchronously flushed last-use time of tokens. */
    private static final List<String> SNAPSHOT_QUERIES = List.of(
            "SELECT * FROM instance",
            "SELECT * FROM orgs ORDER BY id",
            "SELECT * FROM users ORDER BY id",
            "SELECT id, user_id, org_id, secret_hash, expires_at, sequence, created_at, changed_at"
                    + " FROM personal_access_tokens ORDER BY id",
            "SELECT * FROM memberships ORDER BY user_id, scope, scope_id",
            "SELECT id, kind, subject_id FROM change_feed ORDER BY id");

    final TestMariaDb database;
    final Wiring warden;
    final Api api;
    /** The first-instance PAT: IAM_OWNER and ORG_OWNER of the default organization. */
    final String admin;
    final String adminUserId;
    final String defaultOrgId;

    private final WardenOnMariaDb node;

    private ErrorCaseServer(WardenOnMariaDb node) {
        this.node = node;
        this.database = node.database;
        this.warden = node.warden;
        this.api = new Api(warden.port());
        this.admin = node.adminPat;
        this.defaultOrgId = ok(get("/management/v1/orgs/me", admin)).text("/org/id");
        this.adminUserId = ok(post("/management/v1/users/_search", admin,
                "{\"queries\":[{\"userNameQuery\":{\"userName\":\"warden-admin\"}}]}")).text("/result/0/id");
    }

    static ErrorCaseServer start(Path dataDir) throws IOException {
        WardenOnMariaDb node = WardenOnMariaDb.start(dataDir, Map.of());
        try {
            return new ErrorCaseServer(node);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public void close() {
        node.close();
    }

    // ---- requests: every answer is checked for leaked internals ----

    Api.Reply call(String method, String path, String token, String body, Map<String, String> headers) {
        return clean(api.call(method, path, token, body, headers));
    }

    Api.Reply get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    Api.Reply get(String path, String token, String orgId) {
        return call("GET", path, token, null, Map.of("x-zitadel-orgid", orgId));
    }

    Api.Reply post(String path, String token, String body) {
        return call("POST", path, token, body, Map.of());
    }

    Api.Reply post(String path, String token, String body, String orgId) {
        return call("POST", path, token, body, Map.of("x-zitadel-orgid", orgId));
    }

    Api.Reply put(String path, String token, String body) {
        return call("PUT", path, token, body, Map.of());
    }

    Api.Reply put(String path, String token, String body, String orgId) {
        return call("PUT", path, token, body, Map.of("x-zitadel-orgid", orgId));
    }

    Api.Reply delete(String path, String token) {
        return call("DELETE", path, token, null, Map.of());
    }

    Api.Reply delete(String path, String token, String orgId) {
        return call("DELETE", path, token, null, Map.of("x-zitadel-orgid", orgId));
    }

    /** A request whose body is sent byte for byte, e.g. invalid UTF-8. */
    Api.Reply raw(String method, String path, String token, byte[] body) {
        return raw(method, path, token, body, "application/json");
    }

    /** A request whose body is sent byte for byte with the given content type (none when null). */
    Api.Reply raw(String method, String path, String token, byte[] body, String contentType) {
        return raw(method, path, token, body, contentType, false);
    }

    /**
     * A raw request; with {@code expectContinue} the body is only sent after the server's
     * {@code 100 Continue}, so a server refusing it by its length answers before reading it.
     */
    Api.Reply raw(String method, String path, String token, byte[] body, String contentType,
                  boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warden.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .expectContinue(expectContinue);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return clean(new Api.Reply(response.statusCode(), text.isEmpty() ? null : JSON.readTree(text), text,
                    response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply clean(Api.Reply reply) {
        assertThat(reply.json()).as("a JSON body in the %d answer: [%s] %s", reply.status(), reply.text(),
                reply.raw().headers().map()).isNotNull();
        assertThat(reply.raw().headers().firstValue("Content-Type")).as("content type of %s", reply.text())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.text()).as("no internals in the answer")
                .doesNotContain("Exception").doesNotContain("dev.warden").doesNotContain("\tat ")
                .doesNotContain("\\tat ").doesNotContain("java.");
        if (reply.status() >= 400) {
            // Only in errors: a success may carry a random token, and one in ~6,000 PATs holds "SQL".
            assertThat(reply.text()).as("no SQL in the error answer").doesNotContain("SQL");
        }
        return reply;
    }

    // ---- assertions on answers ----

    static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(200);
        return reply;
    }

    /**
     * A ZITADEL error: the HTTP status, the gRPC code, {@code "<text> (<id>)"} and exactly one
     * {@code zitadel.v1.ErrorDetail} with that id and text.
     */
    static void assertError(Api.Reply reply, int status, int code, String id, String text) {
        assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("fields of %s", reply.text()).containsExactlyInAnyOrder("code", "message",
                "details");
        assertThat(body.get("code").isInt()).as("code is a JSON number: %s", reply.text()).isTrue();
        assertThat(body.get("code").asInt()).as("gRPC code of %s", reply.text()).isEqualTo(code);
        assertThat(body.get("message").asText()).isEqualTo(text + " (" + id + ")");
        JsonNode details = body.get("details");
        assertThat(details.isArray() && details.size() == 1).as("one detail in %s", reply.text()).isTrue();
        assertThat(fieldNames(details.get(0))).containsExactlyInAnyOrder("@type", "id", "message");
        assertThat(details.get(0).get("@type").asText()).isEqualTo(ERROR_DETAIL_TYPE);
        assertThat(details.get(0).get("id").asText()).isEqualTo(id);
        assertThat(details.get(0).get("message").asText()).isEqualTo(text);
    }

    /** An error the gateway writes itself (validation, transport): code and message, no details. */
    static void assertPlainError(Api.Reply reply, int status, int code) {
        assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("fields of %s", reply.text()).containsExactlyInAnyOrder("code", "message");
        assertThat(body.get("code").isInt()).isTrue();
        assertThat(body.get("code").asInt()).as("gRPC code of %s", reply.text()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    /** A request-validation error: 400, code 3, {@code "invalid <Request>..."}, no details. */
    static void assertValidationError(Api.Reply reply, String messagePrefix) {
        assertPlainError(reply, 400, 3);
        assertThat(reply.text("/message")).startsWith(messagePrefix);
    }

    static void assertTokenInvalid(Api.Reply reply) {
        assertError(reply, 401, 16, "AUTH-7fs1e", "Errors.Token.Invalid");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate on a 401").isPresent();
    }

    static void assertNoMembership(Api.Reply reply) {
        assertError(reply, 404, 5, "AUTHZ-cdgFk", "membership not found");
    }

    static void assertPermissionDenied(Api.Reply reply) {
        assertError(reply, 403, 7, "AUTH-5mWD2", "No matching permissions found");
    }

    static void assertOrgDoesNotExist(Api.Reply reply) {
        assertError(reply, 403, 7, "AUTH-Bs7Ds", "Organisation doesn't exist");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    // ---- the database: what a failed request must leave untouched ----

    /** Every stored row that a management request could write. */
    String snapshot() {
        return database.dump(SNAPSHOT_QUERIES);
    }

    /** Runs a failing request and checks that the database is exactly as before. */
    Api.Reply storesNothing(java.util.function.Supplier<Api.Reply> request) {
        String before = snapshot();
        Api.Reply reply = request.get();
        assertThat(snapshot()).as("nothing stored by a request answered %s", reply.text()).isEqualTo(before);
        return reply;
    }

    // ---- set-up helpers ----

    String createUser(String userName) {
        return ok(post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + userName + "\",\"name\":\"Robot " + userName + "\"}")).text("/userId");
    }

    String createUser(String userName, String orgId) {
        return ok(post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + userName + "\",\"name\":\"Robot " + userName + "\"}", orgId)).text("/userId");
    }

    String createPat(String userId) {
        return ok(post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
    }

    String createPat(String userId, String orgId) {
        return ok(post("/management/v1/users/" + userId + "/pats", admin, "{}", orgId)).text("/token");
    }

    String createOrg(String name) {
        return ok(post("/management/v1/orgs", admin, "{\"name\":\"" + name + "\"}")).text("/id");
    }

    void grantOrgRoles(String userId, String... roles) {
        ok(post("/management/v1/orgs/me/members", admin, memberBody(userId, roles)));
    }

    void grantIamRoles(String userId, String... roles) {
        ok(post("/admin/v1/members", admin, memberBody(userId, roles)));
    }

    static String memberBody(String userId, String... roles) {
        return "{\"userId\":\"" + userId + "\",\"roles\":[" + String.join(",",
                java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}";
    }
}
