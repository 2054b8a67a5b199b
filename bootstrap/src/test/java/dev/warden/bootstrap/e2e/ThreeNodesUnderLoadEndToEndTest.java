package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Warden nodes on one MariaDB while clients keep every node busy: a revocation,
 * deactivation or role change made through one node takes effect on the two others within the
 * security bar's bound of 1 s (poll interval 250 ms), and resources created at the same moment
 * through different nodes are neither duplicated nor lost. The nodes are in-process, each with its
 * own caches, id generator (node id) and change follower; they share only the database and the
 * data directory (master key, first admin PAT), as nodes of a real cluster share the database and
 * a copied master key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeNodesUnderLoadEndToEndTest {

    /** The security bar's bound for a change made on one node to take effect on the others. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final int LOAD_THREADS = 4;
    /** Rounds of creations through all three nodes at once (each PAT costs an argon2 hash). */
    private static final int ROUNDS = 6;

    private TestMariaDb database;
    private final List<Wiring> nodes = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private String admin;
    private ExecutorService pool;

    /** Background load: valid PATs against every node in turn, from the start to the end of each test. */
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicLong loadRequests = new AtomicLong();
    private long loadAtStart;
    private final Map<Integer, AtomicLong> loadStatuses = new ConcurrentHashMap<>();
    private final List<Future<?>> loaders = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        database = new TestMariaDb();
        for (int node = 1; node <= 3; node++) {
            WardenConfig config = ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                    "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                    "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                    "warden.db.password", TestMariaDb.PASSWORD, "warden.node.id", Integer.toString(node),
                    "warden.cluster.poll.interval.ms", "250"))));
            Wiring wiring = Wiring.start(config);
            nodes.add(wiring);
            apis.add(new Api(wiring.port()));
        }
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startLoad() throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < LOAD_THREADS; i++) {
            tokens.add(ownerWithToken("load-" + System.nanoTime() + "-" + i)[2]);
        }
        loadRequests.set(0);
        loadStatuses.clear();
        loading.set(true);
        for (int t = 0; t < LOAD_THREADS; t++) {
            String token = tokens.get(t);
            int first = t;
            loaders.add(pool.submit(() -> {
                for (int n = first; loading.get(); n++) {
                    int status = apis.get(n % apis.size()).get("/management/v1/orgs/me", token).status();
                    loadStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    loadRequests.incrementAndGet();
                }
            }));
        }
        // The test begins once the load runs (each loader's first request pays its PAT's argon2 hash).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (loadRequests.get() < 10L * LOAD_THREADS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        loadAtStart = loadRequests.get();
        assertThat(loadAtStart).as("requests of the background load before the test").isGreaterThanOrEqualTo(10L * LOAD_THREADS);
    }

    @AfterEach
    void stopLoad() throws Exception {
        loading.set(false);
        for (Future<?> loader : loaders) {
            loader.get(30, TimeUnit.SECONDS);
        }
        loaders.clear();
        // The load really ran alongside the test, and every one of its (valid) requests succeeded.
        assertThat(loadRequests.get()).as("requests of the background load during the test").isGreaterThan(loadAtStart);
        assertThat(loadStatuses.keySet()).as("statuses of the background load: %s", loadStatuses).containsOnly(200);
    }

    @Test
    void aPatRevokedOnOneNodeIsRefusedByEveryOtherNodeWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-revoked");
        cachedOnEveryNode(robot[2], 200);

        assertThat(apis.get(0).delete("/management/v1/users/" + robot[0] + "/pats/" + robot[1], admin).status())
                .isEqualTo(200);

        assertThat(apis.get(0).get("/management/v1/orgs/me", robot[2]).status()).as("at once on node 1").isEqualTo(401);
        answersWithinTheBound(401, robot[2], 1, 2);
    }

    @Test
    void aUserDeactivatedOnOneNodeIsRefusedByEveryOtherNodeWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-deactivated");
        cachedOnEveryNode(robot[2], 200);

        assertThat(apis.get(1).post("/management/v1/users/" + robot[0] + "/_deactivate", admin, "{}").status())
                .isEqualTo(200);

        answersWithinTheBound(401, robot[2], 0, 2);
        assertThat(apis.get(1).post("/management/v1/users/" + robot[0] + "/_reactivate", admin, "{}").status())
                .isEqualTo(200);
        answersWithinTheBound(200, robot[2], 0, 2);
    }

    @Test
    void aRoleRemovedOnOneNodeTakesEffectOnEveryOtherNodeWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-demoted");
        cachedOnEveryNode(robot[2], 200);

        assertThat(apis.get(2).delete("/management/v1/orgs/me/members/" + robot[0], admin).status()).isEqualTo(200);

        answersWithinTheBound(404, robot[2], 0, 1);
    }

    @Test
    void theSameUserNameCreatedThroughThreeNodesAtOnceExistsOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String body = "{\"userName\":\"contested-" + round + "\",\"name\":\"Contested\"}";
            List<Api.Reply> replies = onEveryNodeAtOnce(node -> apis.get(node).post("/management/v1/users/machine", admin, body));
            assertThat(replies.stream().filter(r -> r.status() == 200)).as("round %d: %s", round, replies).hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() == 409)).as("round %d: %s", round, replies).hasSize(2);
            String search = "{\"queries\":[{\"userNameQuery\":{\"userName\":\"contested-" + round
                    + "\",\"method\":\"TEXT_QUERY_METHOD_EQUALS\"}}]}";
            for (Api api : apis) {
                assertThat(api.post("/management/v1/users/_search", admin, search).at("/result")).hasSize(1);
            }
        }
    }

    @Test
    void usersAndTokensCreatedThroughThreeNodesAtOnceAreAllKeptWithDistinctIds() throws Exception {
        String userId = ownerWithToken("token-holder")[0];
        Set<String> userIds = ConcurrentHashMap.newKeySet();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            List<Api.Reply> users = onEveryNodeAtOnce(node -> apis.get(node).post("/management/v1/users/machine", admin,
                    "{\"userName\":\"parallel-" + r + "-" + node + "\",\"name\":\"Parallel\"}"));
            List<Api.Reply> pats = onEveryNodeAtOnce(node -> apis.get(node).post(
                    "/management/v1/users/" + userId + "/pats", admin, "{}"));
            for (Api.Reply reply : users) {
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                userIds.add(reply.text("/userId"));
            }
            for (Api.Reply reply : pats) {
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                tokens.put(reply.text("/tokenId"), reply.text("/token"));
            }
        }
        assertThat(userIds).as("distinct user ids").hasSize(3 * ROUNDS);
        assertThat(tokens).as("distinct token ids").hasSize(3 * ROUNDS);

        // Every node lists every write; every token works (each on one node: a first use costs a hash).
        String search = "{\"query\":{\"limit\":100},\"queries\":[{\"userNameQuery\":{\"userName\":\"parallel-\","
                + "\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}";
        List<String> secrets = new ArrayList<>(tokens.values());
        for (int node = 0; node < apis.size(); node++) {
            Api api = apis.get(node);
            Set<String> listed = new HashSet<>();
            api.post("/management/v1/users/_search", admin, search).at("/result").forEach(u -> listed.add(u.path("id").asText()));
            assertThat(listed).isEqualTo(userIds);
            Set<String> listedTokens = new HashSet<>();
            api.post("/management/v1/users/" + userId + "/pats/_search", admin, "{\"query\":{\"limit\":100}}").at("/result")
                    .forEach(p -> listedTokens.add(p.path("id").asText()));
            assertThat(listedTokens).containsAll(tokens.keySet());
            for (int i = node; i < secrets.size(); i += apis.size()) {
                assertThat(api.get("/management/v1/orgs/me", secrets.get(i)).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aRenameAndAStateChangeSentThroughDifferentNodesAtOnceAreBothKept() throws Exception {
        String user = "/management/v1/users/" + ownerWithToken("cross-node-racer")[0];
        for (int round = 1; round <= 10; round++) {
            String name = "Racer " + round;
            String stateChange = round % 2 == 1 ? "/_deactivate" : "/_reactivate";
            List<Api.Reply> replies = onEveryNodeAtOnce(node -> switch (node) {
                case 0 -> apis.get(0).put(user + "/machine", admin, "{\"name\":\"" + name + "\"}");
                case 1 -> apis.get(1).post(user + stateChange, admin, "{}");
                default -> apis.get(2).get(user, admin);
            });
            for (Api.Reply reply : replies) {
                assertThat(reply.status()).as("round %d: %s", round, reply.text()).isEqualTo(200);
            }
            for (Api api : apis) {
                Api.Reply stored = api.get(user, admin);
                assertThat(stored.text("/user/machine/name")).as("round %d: the rename", round).isEqualTo(name);
                assertThat(stored.text("/user/state")).as("round %d: the state change", round)
                        .isEqualTo(round % 2 == 1 ? "USER_STATE_INACTIVE" : "USER_STATE_ACTIVE");
            }
        }
    }

    /** A user with ORG_OWNER and a PAT, created through node 1; returns {userId, tokenId, token}. */
    private String[] ownerWithToken(String name) {
        Api one = apis.get(0);
        Api.Reply user = one.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + name + "\",\"name\":\"" + name + "\"}");
        assertThat(user.status()).as(user.text()).isEqualTo(200);
        String userId = user.text("/userId");
        assertThat(one.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        Api.Reply pat = one.post("/management/v1/users/" + userId + "/pats", admin, "{}");
        return new String[] {userId, pat.text("/tokenId"), pat.text("/token")};
    }

    /** Every node has answered with the token once, so each holds it in its cache. */
    private void cachedOnEveryNode(String token, int status) {
        for (int node = 0; node < apis.size(); node++) {
            assertThat(apis.get(node).get("/management/v1/orgs/me", token).status()).as("node %d", node + 1)
                    .isEqualTo(status);
        }
    }

    /** Each of the nodes (indexes 0–2) answers {@code status} to the token within the bound. */
    private void answersWithinTheBound(int status, String token, int... nodes) throws InterruptedException {
        for (int node : nodes) {
            Api api = apis.get(node);
            assertThat(timeUntil(status, () -> api.get("/management/v1/orgs/me", token).status()))
                    .as("node %d", node + 1).isLessThan(BOUND);
        }
    }

    /** How long until {@code status} answers {@code expected}; fails after twice the bound. */
    private static Duration timeUntil(int expected, IntSupplier status) throws InterruptedException {
        long start = System.nanoTime();
        Duration limit = BOUND.multipliedBy(2);
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(limit) < 0) {
            if (status.getAsInt() == expected) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("status " + expected + " not reached within " + limit);
    }

    /** Sends one request per node at the same moment (node index 0–2); the replies in node order. */
    private List<Api.Reply> onEveryNodeAtOnce(java.util.function.IntFunction<Api.Reply> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<Api.Reply>> futures = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            int n = node;
            Supplier<Api.Reply> call = () -> request.apply(n);
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.get();
            }));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> future : futures) {
            replies.add(future.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }
}
