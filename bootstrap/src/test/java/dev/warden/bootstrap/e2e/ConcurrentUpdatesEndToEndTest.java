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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lost updates through the real server on a real MariaDB: a rename and a state change of the same
 * organization or user, sent at the same moment, both take effect. Each write is conditional on
 * the sequence it read; the one that loses the race applies its request once more to the new state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentUpdatesEndToEndTest {

    private static final int ROUNDS = 20;

    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;
    private ExecutorService pool;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        database = new TestMariaDb();
        WardenConfig config = ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD))));
        warden = Wiring.start(config);
        api = new Api(warden.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (warden != null) {
            warden.close();
        }
        database.close();
    }

    @Test
    void concurrentRenamesAndStateChangesOfAnOrganizationAreAllKept() throws Exception {
        Api.Reply created = api.post("/management/v1/orgs", admin, "{\"name\":\"Race Org\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        // The instance owner works in it through the header, so deactivating it locks nobody out.
        Map<String, String> inOrg = Map.of("x-zitadel-orgid", created.text("/id"));
        int writes = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            String name = "Race Org " + round;
            String stateChange = round % 2 == 1 ? "_deactivate" : "_reactivate";

            List<Api.Reply> replies = atOnce(
                    () -> api.call("PUT", "/management/v1/orgs/me", admin, "{\"name\":\"" + name + "\"}", inOrg),
                    () -> api.call("POST", "/management/v1/orgs/me/" + stateChange, admin, "{}", inOrg));

            for (Api.Reply reply : replies) {
                assertThat(reply.status()).as("round %d: %s", round, reply.text()).isEqualTo(200);
                writes++;
            }
            Api.Reply org = api.call("GET", "/management/v1/orgs/me", admin, null, inOrg);
            assertThat(org.text("/org/name")).as("round %d: the rename", round).isEqualTo(name);
            assertThat(org.text("/org/state")).as("round %d: the state change", round)
                    .isEqualTo(round % 2 == 1 ? "ORG_STATE_INACTIVE" : "ORG_STATE_ACTIVE");
        }

        Api.Reply org = api.call("GET", "/management/v1/orgs/me", admin, null, inOrg);
        assertThat(writes).isEqualTo(2 * ROUNDS);
        assertThat(org.text("/org/details/sequence")).as(org.text()).isEqualTo(Integer.toString(1 + writes));
    }

    @Test
    void concurrentRenamesAndStateChangesOfAUserAreAllKept() throws Exception {
        Api.Reply created = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"racer\",\"name\":\"Racer\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String user = "/management/v1/users/" + created.text("/userId");
        int writes = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            String userName = "racer-" + round;
            String stateChange = round % 2 == 1 ? "/_deactivate" : "/_reactivate";

            List<Api.Reply> replies = atOnce(
                    () -> api.put(user + "/username", admin, "{\"userName\":\"" + userName + "\"}"),
                    () -> api.post(user + stateChange, admin, "{}"));

            for (Api.Reply reply : replies) {
                assertThat(reply.status()).as("round %d: %s", round, reply.text()).isEqualTo(200);
                writes++;
            }
            Api.Reply stored = api.get(user, admin);
            assertThat(stored.text("/user/userName")).as("round %d: the rename", round).isEqualTo(userName);
            assertThat(stored.text("/user/state")).as("round %d: the state change", round)
                    .isEqualTo(round % 2 == 1 ? "USER_STATE_INACTIVE" : "USER_STATE_ACTIVE");
        }

        Api.Reply stored = api.get(user, admin);
        assertThat(writes).isEqualTo(2 * ROUNDS);
        assertThat(stored.text("/user/details/sequence")).as(stored.text()).isEqualTo(Integer.toString(1 + writes));
    }

    /** Sends both requests at the same moment and returns their replies in order. */
    private List<Api.Reply> atOnce(Supplier<Api.Reply> first, Supplier<Api.Reply> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Api.Reply>> futures = List.of(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return first.get();
        }), pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return second.get();
        }));
        return List.of(futures.get(0).get(30, TimeUnit.SECONDS), futures.get(1).get(30, TimeUnit.SECONDS));
    }
}
