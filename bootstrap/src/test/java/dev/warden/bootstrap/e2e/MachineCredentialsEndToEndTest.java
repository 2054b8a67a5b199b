package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets and machine keys of service users through the real server on MariaDB (contract §6). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineCredentialsEndToEndTest {

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        database = new TestMariaDb();
        warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD)))));
        api = new Api(warden.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
    }

    @AfterAll
    void stop() {
        if (warden != null) {
            warden.close();
        }
        database.close();
    }

    private String user(String name) {
        return api.post("/management/v1/users/machine", admin, "{\"userName\":\"" + name + "\",\"name\":\"" + name + "\"}")
                .text("/userId");
    }

    @Test
    void aClientSecretIsShownOnceFlaggedOnTheUserAndRemovable() {
        String userId = user("secret-bot");
        assertThat(api.get("/management/v1/users/" + userId, admin).at("/user/machine/hasSecret").isMissingNode())
                .isTrue();

        Api.Reply generated = api.put("/management/v1/users/" + userId + "/secret", admin, "{}");
        assertThat(generated.status()).as(generated.text()).isEqualTo(200);
        assertThat(generated.text("/clientId")).isEqualTo("secret-bot");
        String secret = generated.text("/clientSecret");
        assertThat(secret).matches("[A-Za-z0-9]{64}");
        assertThat(generated.raw().headers().firstValue("Cache-Control")).contains("no-store");

        Api.Reply user = api.get("/management/v1/users/" + userId, admin);
        assertThat(user.at("/user/machine/hasSecret").asBoolean()).isTrue();
        assertThat(user.text()).doesNotContain(secret);

        assertThat(api.delete("/management/v1/users/" + userId + "/secret", admin).status()).isEqualTo(200);
        Api.Reply again = api.delete("/management/v1/users/" + userId + "/secret", admin);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/message")).isEqualTo("Secret doesn't exist (COMMAND-coi82n)");
    }

    @Test
    void aGeneratedKeyFileIsReturnedOnceAndOnlyThePublicKeyIsKept() throws Exception {
        String userId = user("key-bot");

        Api.Reply added = api.post("/management/v1/users/" + userId + "/keys", admin,
                "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"2519-04-01T08:45:00Z\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String keyId = added.text("/keyId");
        JsonNode keyFile = new ObjectMapper().readTree(new String(
                Base64.getDecoder().decode(added.text("/keyDetails")), StandardCharsets.UTF_8));
        assertThat(keyFile.get("type").asText()).isEqualTo("serviceaccount");
        assertThat(keyFile.get("keyId").asText()).isEqualTo(keyId);
        assertThat(keyFile.get("userId").asText()).isEqualTo(userId);
        assertThat(keyFile.get("key").asText()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");

        Api.Reply key = api.get("/management/v1/users/" + userId + "/keys/" + keyId, admin);
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.text("/key/type")).isEqualTo("KEY_TYPE_JSON");
        assertThat(key.text("/key/expirationDate")).isEqualTo("2519-04-01T08:45:00Z");
        assertThat(key.text()).doesNotContain("PRIVATE");
        Api.Reply list = api.post("/management/v1/users/" + userId + "/keys/_search", admin, "{}");
        assertThat(list.text("/details/totalResult")).isEqualTo("1");

        Api.Reply past = api.post("/management/v1/users/" + userId + "/keys", admin,
                "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"2001-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/message")).isEqualTo("Errors.AuthNKey.ExpireBeforeNow (DOMAIN-dv3t5)");

        assertThat(api.delete("/management/v1/users/" + userId + "/keys/" + keyId, admin).status()).isEqualTo(200);
        Api.Reply gone = api.get("/management/v1/users/" + userId + "/keys/" + keyId, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("/message")).isEqualTo("Errors.AuthNKey.NotFound (QUERY-Tha6f)");
    }
}
