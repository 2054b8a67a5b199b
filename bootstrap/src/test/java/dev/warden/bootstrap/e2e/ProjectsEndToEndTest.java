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

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects, roles, API apps, app keys and user grants through the real server on MariaDB
 * (projects contract), including steps 1–6 of its §7.5 example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsEndToEndTest {

    private static final String M = "/management/v1";

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

    @Test
    void contractExampleStepsOneToSix() throws Exception {
        // 1
        Api.Reply project = api.post(M + "/projects", admin, "{\"name\":\"acme-api\"}");
        assertThat(project.status()).as(project.text()).isEqualTo(200);
        String p = project.text("/id");
        // 2
        Api.Reply roles = api.post(M + "/projects/" + p + "/roles/_bulk", admin,
                "{\"roles\":[{\"key\":\"reader\",\"displayName\":\"Reader\"}]}");
        assertThat(roles.status()).as(roles.text()).isEqualTo(200);
        // 3
        Api.Reply app = api.post(M + "/projects/" + p + "/apps/api", admin,
                "{\"name\":\"rs\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}");
        assertThat(app.status()).as(app.text()).isEqualTo(200);
        String a = app.text("/appId");
        String c = app.text("/clientId");
        assertThat(app.at("/clientSecret").isMissingNode()).isTrue();
        assertThat(c).matches("[1-9][0-9]*").isNotEqualTo(a);
        // 4
        Api.Reply key = api.post(M + "/projects/" + p + "/apps/" + a + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}");
        assertThat(key.status()).as(key.text()).isEqualTo(200);
        String keyDetails = key.text("/keyDetails");
        assertThat(keyDetails).matches("[A-Za-z0-9+/]+={0,2}");
        byte[] fileBytes = Base64.getDecoder().decode(keyDetails);
        JsonNode file = new ObjectMapper().readTree(new String(fileBytes, StandardCharsets.UTF_8));
        assertThat(iterable(file.fieldNames())).containsExactly("type", "keyId", "key", "appId",
                "clientId");
        assertThat(file.get("type").asText()).isEqualTo("application");
        assertThat(file.get("keyId").asText()).isEqualTo(key.text("/id"));
        assertThat(file.get("appId").asText()).isEqualTo(a);
        assertThat(file.get("clientId").asText()).isEqualTo(c);
        RSAPrivateCrtKey privateKey = parsePkcs1(file.get("key").asText());
        assertThat(privateKey.getModulus().bitLength()).isEqualTo(2048);
        Api.Reply keyView = api.get(M + "/projects/" + p + "/apps/" + a + "/keys/" + key.text("/id"), admin);
        assertThat(keyView.text()).doesNotContain("PRIVATE").doesNotContain(keyDetails);
        // 5
        String u = api.post(M + "/users/machine", admin, "{\"userName\":\"robot\",\"name\":\"Robot\"}").text("/userId");
        Api.Reply secret = api.put(M + "/users/" + u + "/secret", admin, "{}");
        assertThat(secret.text("/clientSecret")).matches("[A-Za-z0-9]{64}");
        // 6
        Api.Reply grant = api.post(M + "/users/" + u + "/grants", admin,
                "{\"projectId\":\"" + p + "\",\"roleKeys\":[\"reader\"]}");
        assertThat(grant.status()).as(grant.text()).isEqualTo(200);
        Api.Reply view = api.get(M + "/users/" + u + "/grants/" + grant.text("/userGrantId"), admin);
        assertThat(view.text("/userGrant/roleKeys/0")).isEqualTo("reader");
        assertThat(view.text("/userGrant/projectName")).isEqualTo("acme-api");
        assertThat(view.text("/userGrant/userName")).isEqualTo("robot");
    }

    @Test
    void basicAppSecretIsShownOnceAndListsSearchesUpdatesDeactivationsAndRemovalsWork() {
        String p = api.post(M + "/projects", admin, "{\"name\":\"lifecycle\",\"hasProjectCheck\":true}").text("/id");
        Api.Reply app = api.post(M + "/projects/" + p + "/apps/api", admin, "{\"name\":\"basic\"}");
        String secret = app.text("/clientSecret");
        assertThat(secret).matches("[A-Za-z0-9]{64}");
        String appPath = M + "/projects/" + p + "/apps/" + app.text("/appId");
        Api.Reply appView = api.get(appPath, admin);
        assertThat(appView.text()).doesNotContain(secret);
        assertThat(appView.at("/app/apiConfig/authMethodType").isMissingNode()).isTrue();
        assertThat(api.post(M + "/projects/" + p + "/apps/_search", admin, "{}").text("/details/totalResult"))
                .isEqualTo("1");
        String regenerated = api.post(appPath + "/api_config/_generate_client_secret", admin, "{}")
                .text("/clientSecret");
        assertThat(regenerated).matches("[A-Za-z0-9]{64}").isNotEqualTo(secret);
        assertThat(api.post(appPath + "/_deactivate", admin, "{}").status()).isEqualTo(200);
        assertThat(api.get(appPath, admin).text("/app/state")).isEqualTo("APP_STATE_INACTIVE");

        Api.Reply search = api.post(M + "/projects/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"LIFE\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE\"}}]}");
        assertThat(search.text("/result/0/id")).isEqualTo(p);
        assertThat(search.at("/result/0/hasProjectCheck").asBoolean()).isTrue();
        assertThat(api.put(M + "/projects/" + p, admin, "{\"name\":\"lifecycle-2\"}").status()).isEqualTo(200);
        assertThat(api.post(M + "/projects/" + p + "/_deactivate", admin, "{}").status()).isEqualTo(200);
        Api.Reply again = api.post(M + "/projects/" + p + "/_deactivate", admin, "{}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/message")).isEqualTo("Project is not active (COMMAND-mki55)");

        api.post(M + "/projects/" + p + "/roles", admin, "{\"roleKey\":\"r\",\"displayName\":\"R\"}");
        String u = api.post(M + "/users/machine", admin, "{\"userName\":\"lifecycle-bot\",\"name\":\"B\"}")
                .text("/userId");
        String g = api.post(M + "/users/" + u + "/grants", admin, "{\"projectId\":\"" + p + "\",\"roleKeys\":[\"r\"]}")
                .text("/userGrantId");
        assertThat(api.post(M + "/users/grants/_search", admin, "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + u
                + "\"}}]}").text("/result/0/id")).isEqualTo(g);
        assertThat(api.post(M + "/users/" + u + "/grants/" + g + "/_deactivate", admin, "{}").status()).isEqualTo(200);

        // Removing the project removes its apps, roles and grants.
        assertThat(api.delete(M + "/projects/" + p, admin).status()).isEqualTo(200);
        assertThat(api.get(appPath, admin).status()).isEqualTo(404);
        Api.Reply goneGrant = api.get(M + "/users/" + u + "/grants/" + g, admin);
        assertThat(goneGrant.status()).isEqualTo(404);
        assertThat(goneGrant.text("/message")).isEqualTo("User grant not found (QUERY-wIPkA)");
        assertThat(api.post(M + "/projects", admin, "{\"name\":\"lifecycle-2\"}").status()).isEqualTo(200);
    }

    @Test
    void aServiceUserWithoutARoleIsRefusedEverywhere() {
        String p = api.post(M + "/projects", admin, "{\"name\":\"guarded\"}").text("/id");
        String u = api.post(M + "/users/machine", admin, "{\"userName\":\"no-role\",\"name\":\"N\"}").text("/userId");
        String token = api.post(M + "/users/" + u + "/pats", admin, "{}").text("/token");

        List<Api.Reply> replies = new ArrayList<>();
        replies.add(api.post(M + "/projects", token, "{\"name\":\"x\"}"));
        replies.add(api.get(M + "/projects/" + p, token));
        replies.add(api.post(M + "/projects/_search", token, "{}"));
        replies.add(api.post(M + "/projects/" + p + "/roles", token, "{\"roleKey\":\"x\",\"displayName\":\"X\"}"));
        replies.add(api.post(M + "/projects/" + p + "/apps/api", token, "{\"name\":\"x\"}"));
        replies.add(api.post(M + "/users/" + u + "/grants", token, "{\"projectId\":\"" + p + "\"}"));
        replies.add(api.post(M + "/users/grants/_search", token, "{}"));
        replies.add(api.delete(M + "/projects/" + p, token));
        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
            assertThat(reply.text("/message")).isEqualTo("membership not found (AUTHZ-cdgFk)");
        }
        assertThat(api.get(M + "/projects/" + p, admin).status()).isEqualTo(200);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /** Parses a PKCS#1 {@code RSA PRIVATE KEY} PEM with the JDK only (its DER: a sequence of nine integers). */
    private static RSAPrivateCrtKey parsePkcs1(String pem) throws Exception {
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN RSA PRIVATE KEY-----", "")
                .replace("-----END RSA PRIVATE KEY-----", ""));
        int[] pos = {0};
        readHeader(der, pos, 0x30);
        List<BigInteger> ints = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int length = readHeader(der, pos, 0x02);
            byte[] value = java.util.Arrays.copyOfRange(der, pos[0], pos[0] + length);
            pos[0] += length;
            ints.add(new BigInteger(value));
        }
        assertThat(ints.get(0)).isZero();
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(ints.get(1),
                ints.get(2), ints.get(3), ints.get(4), ints.get(5), ints.get(6), ints.get(7), ints.get(8)));
    }

    private static int readHeader(byte[] der, int[] pos, int tag) {
        assertThat(der[pos[0]++] & 0xff).isEqualTo(tag);
        int length = der[pos[0]++] & 0xff;
        if (length > 0x80) {
            int bytes = length - 0x80;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[pos[0]++] & 0xff);
            }
        }
        return length;
    }
}
