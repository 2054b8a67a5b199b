package dev.warden.bootstrap.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.e2e.WardenOnMariaDb;
import dev.warden.domain.key.RsaKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Warden server on a fresh MariaDB database, with one of each resource the routes name
 * (a service user with a PAT, a secret and a key; a project with a role, an API app with a key,
 * a user grant) and the OAuth clients the OAuth probes need.
 */
final class HostileServer implements AutoCloseable {

    static final String ISSUER = "https://warden.hostile.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every table a request could write, without the columns written in the background (last use of tokens). */
    private static final List<String> SNAPSHOT = List.of("SELECT * FROM orgs ORDER BY id",
            "SELECT * FROM users ORDER BY id",
            "SELECT id, user_id, secret_hash, expires_at, sequence FROM personal_access_tokens ORDER BY id",
            "SELECT * FROM memberships ORDER BY user_id, scope, scope_id", "SELECT * FROM machine_secrets ORDER BY user_id",
            "SELECT * FROM machine_keys ORDER BY id", "SELECT * FROM projects ORDER BY id",
            "SELECT * FROM project_roles ORDER BY project_id, role_key", "SELECT * FROM api_apps ORDER BY id",
            "SELECT * FROM app_keys ORDER BY id", "SELECT * FROM user_grants ORDER BY id",
            "SELECT * FROM user_grant_roles ORDER BY grant_id, role_key",
            "SELECT id, active FROM signing_keys ORDER BY id");

    private final WardenOnMariaDb node;
    final RawHttp http;
    final String admin;
    /** Placeholder name → id of the fixture's resources, for {@link Routes#path}. */
    final Map<String, String> ids = new LinkedHashMap<>();
    /** The fixture user's name, its client secret and its key (for the JWT profile). */
    final String userName = "hostile-target";
    final String userSecret;
    final String userKeyId;
    final RSAPrivateCrtKey userKey;
    /** An API app with a client secret (for introspection and revocation). */
    final String appClientId;
    final String appSecret;

    private HostileServer(WardenOnMariaDb node) {
        this.node = node;
        this.http = new RawHttp(node.warden.port());
        this.admin = node.adminPat;
        ids.put("org", ok("GET", Routes.M + "/orgs/me", null).at("/org/id").asText());
        String user = ok("POST", Routes.M + "/users/machine", "{\"userName\":\"" + userName
                + "\",\"name\":\"Hostile target\"}").at("/userId").asText();
        ids.put("user", user);
        ok("POST", Routes.M + "/orgs/me/members", "{\"userId\":\"" + user + "\",\"roles\":[\"ORG_OWNER\"]}");
        ids.put("pat", ok("POST", Routes.M + "/users/" + user + "/pats", "{}").at("/tokenId").asText());
        userSecret = ok("PUT", Routes.M + "/users/" + user + "/secret", "{}").at("/clientSecret").asText();
        JsonNode key = keyFile(ok("POST", Routes.M + "/users/" + user + "/keys", "{\"type\":\"KEY_TYPE_JSON\"}"));
        userKeyId = key.at("/keyId").asText();
        userKey = RsaKeys.parsePrivateKeyPkcs1Pem(key.at("/key").asText()).orElseThrow();
        ids.put("key", userKeyId);
        String project = ok("POST", Routes.M + "/projects", "{\"name\":\"hostile-project\"}").at("/id").asText();
        ids.put("project", project);
        ok("POST", Routes.M + "/projects/" + project + "/roles", "{\"roleKey\":\"reader\",\"displayName\":\"Reader\"}");
        ids.put("role", "reader");
        JsonNode app = ok("POST", Routes.M + "/projects/" + project + "/apps/api",
                "{\"name\":\"hostile-api\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_BASIC\"}");
        appClientId = app.at("/clientId").asText();
        appSecret = app.at("/clientSecret").asText();
        // The routes' app is one with keys: a private-key-JWT app.
        ids.put("app", ok("POST", Routes.M + "/projects/" + project + "/apps/api",
                "{\"name\":\"hostile-jwt-api\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}")
                .at("/appId").asText());
        ids.put("appKey", ok("POST", Routes.M + "/projects/" + project + "/apps/" + ids.get("app") + "/keys",
                "{\"type\":\"KEY_TYPE_JSON\"}").at("/id").asText());
        ids.put("grant", ok("POST", Routes.M + "/users/" + user + "/grants", "{\"projectId\":\"" + project
                + "\",\"roleKeys\":[\"reader\"]}").at("/userGrantId").asText());
    }

    static HostileServer start(Path dataDir) throws IOException {
        // Thousands of refused credentials from one address would be held back with 429 by the
        // failed-authentication limiter (tested on its own): the probes are about each input's answer.
        WardenOnMariaDb node = WardenOnMariaDb.start(dataDir, Map.of("warden.external.url", ISSUER,
                "warden.limiter.enabled", "false"));
        try {
            return new HostileServer(node);
        } catch (RuntimeException | AssertionError e) {
            node.close();
            throw e;
        }
    }

    @Override
    public void close() {
        node.close();
    }

    /** An admin request with a JSON body (or none); its answer parsed. */
    RawHttp.Answer call(String method, String path, String body) {
        RawHttp.Request request = RawHttp.Request.of(method, path).bearer(admin);
        return http.send(body == null ? request : request.json(body));
    }

    /** An admin request that must succeed; its JSON body. */
    JsonNode ok(String method, String path, String body) {
        RawHttp.Answer answer = call(method, path, body);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.text()).isEqualTo(200);
        return json(answer);
    }

    static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(answer.text(), e);
        }
    }

    private static JsonNode keyFile(JsonNode added) {
        try {
            return JSON.readTree(new String(Base64.getDecoder().decode(added.at("/keyDetails").asText()),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server answers normally: health is UP and an admin call succeeds. */
    void assertAnswersNormally() {
        RawHttp.Answer health = http.send(RawHttp.Request.of("GET", "/observe/health"));
        assertThat(health.status()).as("health: %s", health.text()).isEqualTo(200);
        assertThat(ok("GET", Routes.M + "/orgs/me", null).at("/org/id").asText()).isEqualTo(ids.get("org"));
    }

    /** Every row a request could have written, as text. */
    String snapshot() {
        return node.database.dump(SNAPSHOT);
    }
}
