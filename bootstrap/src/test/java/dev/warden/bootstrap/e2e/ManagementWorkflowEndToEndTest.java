package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-user workflow of issue 3 through the real server on a real MariaDB, with curl's
 * requests: create a user, give it PATs, grant a role, call as it, revoke, suspend, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementWorkflowEndToEndTest {

    private Path dataDir;

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        database = new TestMariaDb();
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.token.usage.flush.seconds", "1"));
        WardenConfig config = ConfigLoader.load(Config.just(ConfigSources.create(values)));
        warden = Wiring.start(config);
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

    private String createUser(String userName) {
        Api.Reply created = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + userName + "\",\"name\":\"Robot " + userName + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.text("/userId");
    }

    @Test
    void theServiceUserWorkflowWorksAsZitadelsGuidesDescribe() {
        Api.Reply created = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"robot\",\"name\":\"My Machine Account\",\"description\":\"CI bot\","
                        + "\"accessTokenType\":\"ACCESS_TOKEN_TYPE_JWT\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String userId = created.text("/userId");
        assertThat(created.at("/details/changeDate").isTextual()).isTrue();
        assertThat(created.at("/details/creationDate").isMissingNode()).isTrue();

        Api.Reply user = api.get("/management/v1/users/" + userId, admin);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.text("/user/state")).isEqualTo("USER_STATE_ACTIVE");
        assertThat(user.text("/user/userName")).isEqualTo("robot");
        assertThat(user.text("/user/preferredLoginName")).isEqualTo("robot");
        assertThat(user.text("/user/machine/name")).isEqualTo("My Machine Account");
        assertThat(user.text("/user/machine/description")).isEqualTo("CI bot");
        assertThat(user.text("/user/machine/accessTokenType")).isEqualTo("ACCESS_TOKEN_TYPE_JWT");

        Api.Reply expiring = api.post("/management/v1/users/" + userId + "/pats", admin,
                "{\"expirationDate\":\"2519-04-01T08:45:00Z\"}");
        Api.Reply forever = api.post("/management/v1/users/" + userId + "/pats", admin, "{}");
        assertThat(expiring.status()).as(expiring.text()).isEqualTo(200);
        assertThat(forever.status()).isEqualTo(200);
        String expiringToken = expiring.text("/token");
        String foreverToken = forever.text("/token");
        assertThat(expiringToken).startsWith("wdn_pat_");
        assertThat(expiring.at("/details/creationDate").isTextual()).isTrue();

        Api.Reply metadata = api.get("/management/v1/users/" + userId + "/pats/" + forever.text("/tokenId"), admin);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.text("/token/expirationDate")).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(metadata.at("/token/scopes")).hasSize(4);
        assertThat(metadata.text()).doesNotContain(foreverToken).doesNotContain("lastUsedDate");
        Api.Reply list = api.post("/management/v1/users/" + userId + "/pats/_search", admin, "{}");
        assertThat(list.text("/details/totalResult")).isEqualTo("2");
        assertThat(list.text()).doesNotContain(foreverToken).doesNotContain(expiringToken);

        Api.Reply before = api.get("/management/v1/orgs/me", foreverToken);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.text("/message")).isEqualTo("membership not found (AUTHZ-cdgFk)");

        Api.Reply grant = api.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}");
        assertThat(grant.status()).as(grant.text()).isEqualTo(200);

        Api.Reply me = api.get("/management/v1/orgs/me", foreverToken);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/org/name")).isEqualTo("Warden");
        assertThat(api.get("/management/v1/orgs/me", expiringToken).status()).isEqualTo(200);

        Api.Reply removed = api.delete("/management/v1/users/" + userId + "/pats/" + expiring.text("/tokenId"), admin);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(api.get("/management/v1/orgs/me", expiringToken).status())
                .as("a deleted PAT is refused on the very next request").isEqualTo(401);
        assertThat(api.get("/management/v1/orgs/me", foreverToken).status()).isEqualTo(200);
    }

    @Test
    void lastUseIsRecordedWithoutAWritePerRequest() throws Exception {
        String userId = createUser("robot-usage");
        api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}");
        Api.Reply pat = api.post("/management/v1/users/" + userId + "/pats", admin, "{}");
        String path = "/management/v1/users/" + userId + "/pats/" + pat.text("/tokenId");
        assertThat(api.get(path, admin).text()).doesNotContain("lastUsedDate");

        Instant before = Instant.now().minusSeconds(1);
        assertThat(api.get("/management/v1/orgs/me", pat.text("/token")).status()).isEqualTo(200);

        Instant deadline = Instant.now().plusSeconds(10);
        String lastUsed = null;
        while (lastUsed == null && Instant.now().isBefore(deadline)) {
            var node = api.get(path, admin).at("/token/lastUsedDate");
            lastUsed = node.isMissingNode() ? null : node.asText();
            Thread.sleep(200);
        }
        assertThat(lastUsed).as("lastUsedDate after the flush interval").isNotNull();
        assertThat(Instant.parse(lastUsed)).isAfter(before);
    }

    @Test
    void suspendedAndDeletedUsersTokensAreRefusedWhileInThatState() {
        String userId = createUser("robot-states");
        api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}");
        String token = api.post("/management/v1/users/" + userId + "/pats", admin, "{}").text("/token");
        assertThat(api.get("/management/v1/orgs/me", token).status()).isEqualTo(200);

        for (String[] step : new String[][] {{"_deactivate", "401"}, {"_reactivate", "200"}, {"_lock", "401"},
                {"_unlock", "200"}}) {
            Api.Reply change = api.post("/management/v1/users/" + userId + "/" + step[0], admin, "{}");
            assertThat(change.status()).as(step[0] + ": " + change.text()).isEqualTo(200);
            assertThat(api.get("/management/v1/orgs/me", token).status()).as("after " + step[0])
                    .isEqualTo(Integer.parseInt(step[1]));
        }
        Api.Reply again = api.post("/management/v1/users/" + userId + "/_reactivate", admin, "{}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asInt()).isEqualTo(9);

        assertThat(api.delete("/management/v1/users/" + userId, admin).status()).isEqualTo(200);
        assertThat(api.get("/management/v1/orgs/me", token).status()).isEqualTo(401);
        Api.Reply gone = api.get("/management/v1/users/" + userId, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asInt()).isEqualTo(5);
    }

    @Test
    void fiftyParallelPatCreationsAllSucceedAndAreAllListed() throws Exception {
        String userId = createUser("robot-parallel");
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> api.post("/management/v1/users/" + userId + "/pats", admin, "{}")));
            }
        }
        for (Future<Api.Reply> reply : replies) {
            assertThat(reply.get().status()).as(reply.get().text()).isEqualTo(200);
        }
        Api.Reply list = api.post("/management/v1/users/" + userId + "/pats/_search", admin,
                "{\"query\":{\"limit\":100}}");
        assertThat(list.text("/details/totalResult")).isEqualTo("50");
        assertThat(list.at("/result")).hasSize(50);
    }

    @Test
    void parallelCreationOfOneUserNameGivesOneUserAndClean409s() throws Exception {
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                replies.add(pool.submit(() -> api.post("/management/v1/users/machine", admin,
                        "{\"userName\":\"twin\",\"name\":\"Twin\"}")));
            }
        }
        int created = 0;
        for (Future<Api.Reply> future : replies) {
            Api.Reply reply = future.get();
            if (reply.status() == 200) {
                created++;
            } else {
                assertThat(reply.status()).as(reply.text()).isEqualTo(409);
                assertThat(reply.json().get("code").asInt()).isEqualTo(6);
                assertThat(reply.text("/message")).isEqualTo("User already exists (V3-DKcYh)");
            }
        }
        assertThat(created).isEqualTo(1);
        Api.Reply search = api.post("/management/v1/users/_search", admin,
                "{\"queries\":[{\"userNameQuery\":{\"userName\":\"twin\"}}]}");
        assertThat(search.at("/result")).hasSize(1);
    }

    @Test
    void instanceOwnerCreatesAnOrganizationAndSelectsItWithTheOrgHeader() {
        Api.Reply org = api.post("/management/v1/orgs", admin, "{\"name\":\"Customer A\"}");
        assertThat(org.status()).as(org.text()).isEqualTo(200);
        String orgId = org.text("/id");
        assertThat(org.text("/details/resourceOwner")).isEqualTo(orgId);

        Api.Reply selected = api.call("GET", "/management/v1/orgs/me", admin, null, Map.of("x-zitadel-orgid", orgId));
        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.text("/org/name")).isEqualTo("Customer A");
        assertThat(selected.text("/org/primaryDomain")).isEqualTo("customer-a.localhost");

        Api.Reply unknown = api.call("GET", "/management/v1/orgs/me", admin, null, Map.of("x-zitadel-orgid", "42"));
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.text("/message")).isEqualTo("Organisation doesn't exist (AUTH-Bs7Ds)");

        Api.Reply duplicate = api.post("/management/v1/orgs", admin, "{\"name\":\"Customer A\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asInt()).isEqualTo(6);

        Api.Reply byAdminApi = api.get("/admin/v1/orgs/" + orgId, admin);
        assertThat(byAdminApi.status()).isEqualTo(200);
        assertThat(byAdminApi.text("/org/id")).isEqualTo(orgId);
    }

}
