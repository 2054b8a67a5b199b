package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hashing algorithm is a configuration choice that existing secrets survive: the same data
 * restarted with another {@code warden.hash.algorithm} still accepts every PAT and client secret,
 * and each is rehashed with the new algorithm on its first successful use. On MariaDB, through the
 * real composition root.
 */
class HashAlgorithmSwitchEndToEndTest {

    private static final String ARGON2_DEFAULT = "$argon2id$v=19$m=19456,t=2,p=1$";
    private static final String HMAC = "$hmac-sha256$v=1$k=";

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestMariaDb database = new TestMariaDb();

    @TempDir
    Path dataDir;

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private Wiring start(String algorithm) {
        return Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.hash.algorithm", algorithm)))));
    }

    @Test
    void patsAndClientSecretsSurviveASwitchToHmacAndBackAndAreRehashedOnFirstUse() throws Exception {
        String admin;
        String clientSecret;
        long adminTokenId;
        long botId;
        try (Wiring warden = start("argon2id")) {
            Api api = new Api(warden.port());
            admin = Files.readString(dataDir.resolve("admin.pat")).strip();
            botId = Long.parseLong(api.post("/management/v1/users/machine", admin,
                    "{\"userName\":\"hash-bot\",\"name\":\"hash-bot\"}").text("/userId"));
            clientSecret = api.put("/management/v1/users/" + botId + "/secret", admin, "{}").text("/clientSecret");
            assertThat(api.get("/management/v1/orgs/me", admin).status()).isEqualTo(200);
        }
        adminTokenId = onlyPatId();
        assertThat(patHash(adminTokenId)).startsWith(ARGON2_DEFAULT);
        assertThat(clientSecretHash(botId)).startsWith(ARGON2_DEFAULT);

        try (Wiring warden = start("hmac-sha256")) {
            Api api = new Api(warden.port());
            String argon2Pat = patHash(adminTokenId);

            assertThat(api.get("/management/v1/orgs/me", admin).status()).isEqualTo(200);
            assertThat(clientCredentials(warden, "hash-bot", clientSecret)).isEqualTo(200);

            String hmacPat = patHash(adminTokenId);
            assertThat(hmacPat).startsWith(HMAC).isNotEqualTo(argon2Pat).doesNotContain(admin.substring(8));
            assertThat(clientSecretHash(botId)).startsWith(HMAC);
            // Rehashed once: later uses (cached or not) leave the fresh hash alone.
            assertThat(api.get("/management/v1/orgs/me", admin).status()).isEqualTo(200);
            assertThat(patHash(adminTokenId)).isEqualTo(hmacPat);
            // A wrong secret is still refused, and rehashes nothing.
            assertThat(clientCredentials(warden, "hash-bot", clientSecret + "x")).isEqualTo(401);
        }

        try (Wiring warden = start("argon2id")) {
            Api api = new Api(warden.port());

            assertThat(api.get("/management/v1/orgs/me", admin).status()).isEqualTo(200);
            assertThat(clientCredentials(warden, "hash-bot", clientSecret)).isEqualTo(200);

            assertThat(patHash(adminTokenId)).startsWith(ARGON2_DEFAULT);
            assertThat(clientSecretHash(botId)).startsWith(ARGON2_DEFAULT);
        }
    }

    private int clientCredentials(Wiring warden, String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&scope=openid&client_id=" + encode(clientId)
                + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warden.port() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long onlyPatId() throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM personal_access_tokens");
             ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            long id = rows.getLong(1);
            assertThat(rows.next()).as("only the admin's PAT").isFalse();
            return id;
        }
    }

    private String patHash(long tokenId) throws SQLException {
        return hash("SELECT secret_hash FROM personal_access_tokens WHERE id = ?", tokenId);
    }

    private String clientSecretHash(long userId) throws SQLException {
        return hash("SELECT secret_hash FROM machine_secrets WHERE user_id = ?", userId);
    }

    private String hash(String sql, long id) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
