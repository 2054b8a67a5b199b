package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Warden nodes on one MariaDB: a revocation, deactivation or role change made through one
 * node takes effect on the other within the configured bound (poll interval 250 ms; the test
 * allows 1 s), although the other node had the token cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesEndToEndTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private Path dataDir;

    private TestMariaDb database;
    private Wiring first;
    private Wiring second;
    private Api one;
    private Api two;
    private String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        database = new TestMariaDb();
        first = Wiring.start(config(1));
        second = Wiring.start(config(2));
        one = new Api(first.port());
        two = new Api(second.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
    }

    private dev.warden.bootstrap.config.WardenConfig config(int node) {
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.node.id", Integer.toString(node),
                "warden.cluster.poll.interval.ms", "250"));
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        database.close();
    }

    /** A user with ORG_OWNER and a PAT, created through node one; returns {userId, tokenId, token}. */
    private String[] ownerWithToken(String name) {
        String userId = one.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + name + "\",\"name\":\"" + name + "\"}").text("/userId");
        assertThat(one.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        Api.Reply pat = one.post("/management/v1/users/" + userId + "/pats", admin, "{}");
        return new String[] {userId, pat.text("/tokenId"), pat.text("/token")};
    }

    /** How long until {@code status} answers {@code expected}; fails after twice the bound. */
    private static Duration timeUntil(int expected, IntSupplier status) throws InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(BOUND.multipliedBy(2)) < 0) {
            if (status.getAsInt() == expected) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("status " + expected + " not reached within " + BOUND.multipliedBy(2));
    }

    @Test
    void aPatRevokedOnOneNodeIsRefusedByTheOtherWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-revoked");
        assertThat(two.get("/management/v1/orgs/me", robot[2]).status()).as("cached on node two").isEqualTo(200);

        assertThat(one.delete("/management/v1/users/" + robot[0] + "/pats/" + robot[1], admin).status()).isEqualTo(200);

        assertThat(one.get("/management/v1/orgs/me", robot[2]).status()).as("at once on node one").isEqualTo(401);
        assertThat(timeUntil(401, () -> two.get("/management/v1/orgs/me", robot[2]).status())).isLessThan(BOUND);
    }

    @Test
    void aUserDeactivatedOnOneNodeIsRefusedByTheOtherWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-deactivated");
        assertThat(two.get("/management/v1/orgs/me", robot[2]).status()).isEqualTo(200);

        assertThat(one.post("/management/v1/users/" + robot[0] + "/_deactivate", admin, "{}").status()).isEqualTo(200);

        assertThat(timeUntil(401, () -> two.get("/management/v1/orgs/me", robot[2]).status())).isLessThan(BOUND);
        assertThat(one.post("/management/v1/users/" + robot[0] + "/_reactivate", admin, "{}").status()).isEqualTo(200);
        assertThat(timeUntil(200, () -> two.get("/management/v1/orgs/me", robot[2]).status())).isLessThan(BOUND);
    }

    @Test
    void aRoleRemovedOnOneNodeTakesEffectOnTheOtherWithinTheBound() throws Exception {
        String[] robot = ownerWithToken("robot-demoted");
        assertThat(one.get("/management/v1/orgs/me", robot[2]).status()).isEqualTo(200);
        assertThat(two.get("/management/v1/orgs/me", robot[2]).status()).isEqualTo(200);

        assertThat(one.delete("/management/v1/orgs/me/members/" + robot[0], admin).status()).isEqualTo(200);

        assertThat(one.get("/management/v1/orgs/me", robot[2]).status()).as("at once on node one").isEqualTo(404);
        assertThat(timeUntil(404, () -> two.get("/management/v1/orgs/me", robot[2]).status())).isLessThan(BOUND);
    }
}
