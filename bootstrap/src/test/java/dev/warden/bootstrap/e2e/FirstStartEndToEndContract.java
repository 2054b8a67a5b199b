package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real composition root and real HTTP: the first start creates the admin and its PAT
 * exactly once, the PAT works, bad tokens are refused. Run against the embedded H2 and MariaDB.
 */
abstract class FirstStartEndToEndContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** Database settings for the engine under test. */
    protected abstract Map<String, String> databaseSettings();

    /** A JDBC connection to the database Warden used, opened while Warden is stopped. */
    protected abstract Connection connect() throws SQLException;

    private WardenConfig config() {
        Map<String, String> values = new HashMap<>(databaseSettings());
        values.put("warden.http.port", "0");
        values.put("warden.http.host", "127.0.0.1");
        values.put("warden.data.dir", dataDir.toString());
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    private HttpResponse<String> get(Wiring warden, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warden.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStartCreatesTheAdminOnceAndItsPatCallsOrgsMe() throws Exception {
        Path patFile = dataDir.resolve("admin.pat");
        String token;
        try (LogCapture logs = new LogCapture(); Wiring warden = Wiring.start(config())) {
            assertThat(patFile).exists();
            String content = Files.readString(patFile);
            assertThat(content).matches("wdn_pat_[A-Za-z0-9_-]{59}\n");
            token = content.strip();
            assertThat(Files.getPosixFilePermissions(patFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(logs.all()).contains(patFile.toAbsolutePath().toString()).doesNotContain(token)
                    .doesNotContain(token.substring(8, 40));

            HttpResponse<String> response = get(warden, "/management/v1/orgs/me", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode org = JSON.readTree(response.body()).get("org");
            assertThat(org.get("name").asText()).isEqualTo("Warden");
            assertThat(org.get("primaryDomain").asText()).isEqualTo("warden.localhost");
            assertThat(org.get("state").asText()).isEqualTo("ORG_STATE_ACTIVE");
            assertThat(org.get("details").get("resourceOwner").asText()).isEqualTo(org.get("id").asText());
        }
        var modified = Files.getLastModifiedTime(patFile);

        try (Wiring again = Wiring.start(config())) {
            assertThat(Files.readString(patFile).strip()).as("a later start writes no new token").isEqualTo(token);
            assertThat(Files.getLastModifiedTime(patFile)).isEqualTo(modified);
            assertThat(get(again, "/management/v1/orgs/me", "Bearer " + token).statusCode()).isEqualTo(200);
        }
        assertThat(count("instance")).isEqualTo(1);
        assertThat(count("orgs")).isEqualTo(1);
        assertThat(count("users")).isEqualTo(1);
        assertThat(count("personal_access_tokens")).isEqualTo(1);
        assertThat(count("memberships")).isEqualTo(2);
        assertThat(storedSecretHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(token.substring(8));
    }

    @Test
    void wrongTruncatedChecksumBrokenAndUnknownTokensAreRefusedWith401() throws Exception {
        try (Wiring warden = Wiring.start(config())) {
            String token = Files.readString(dataDir.resolve("admin.pat")).strip();
            char last = token.charAt(token.length() - 1);
            String checksumBroken = token.substring(0, token.length() - 1) + (last == 'x' ? 'y' : 'x');
            // Same id, other secret: a well-formed token whose checksum matches but whose secret is wrong.
            String wrongSecret = reissueWithOtherSecret(token);
            for (String bad : List.of(token.substring(0, 40), checksumBroken, wrongSecret, "wdn_pat_unknown",
                    "Zm9vYmFy")) {
                HttpResponse<String> response = get(warden, "/management/v1/orgs/me", "Bearer " + bad);
                assertThat(response.statusCode()).as(bad).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
                assertThat(JSON.readTree(response.body()).get("message").asText())
                        .isEqualTo("Errors.Token.Invalid (AUTH-7fs1e)");
            }
            assertThat(get(warden, "/management/v1/orgs/me", null).statusCode()).isEqualTo(401);
            assertThat(get(warden, "/management/v1/orgs/me", "Bearer " + token).statusCode())
                    .as("the real token still works after the failures").isEqualTo(200);
        }
    }

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        try (Wiring warden = Wiring.start(config())) {
            HttpResponse<String> ready = get(warden, "/observe/health/ready", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            HttpResponse<String> health = get(warden, "/observe/health", null);
            assertThat(health.body()).contains("database").contains("UP");
            assertThat(get(warden, "/management/v1/healthz", null).body()).isEqualTo("{}");
        }
    }

    private static String reissueWithOtherSecret(String token) {
        var parsed = dev.warden.domain.token.OpaqueToken.parse(dev.warden.domain.token.TokenKind.PERSONAL_ACCESS_TOKEN,
                token).orElseThrow();
        String other;
        do {
            other = dev.warden.domain.token.OpaqueToken.generate(
                    dev.warden.domain.token.TokenKind.PERSONAL_ACCESS_TOKEN, parsed.id()).encode();
        } while (other.equals(token));
        return other;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String storedSecretHash() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT secret_hash FROM personal_access_tokens")) {
            rows.next();
            return rows.getString(1);
        }
    }

}
