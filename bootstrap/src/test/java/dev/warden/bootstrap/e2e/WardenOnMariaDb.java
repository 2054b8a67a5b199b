package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import static org.assertj.core.api.Assertions.assertThat;
/**
 * One Warden node through the real composition root on a fresh MariaDB database, listening on a
 * free port of 127.0.0.1, with the first instance's admin PAT, an {@link Api} and
 * {@link ClientRequests} for it. Closing it stops the node and drops the database. The one fixture
 * of the single-server end-to-end tests.
 */
public final class WardenOnMariaDb implements AutoCloseable {

    public final TestMariaDb database;
    public final Wiring warden;
    /** The first-instance PAT: IAM_OWNER and ORG_OWNER of the default organization. */
    public final String adminPat;
    final Api api;
    final ClientRequests clients;

    private WardenOnMariaDb(TestMariaDb database, Wiring warden, String adminPat) {
        this.database = database;
        this.warden = warden;
        this.adminPat = adminPat;
        this.api = new Api(warden.port());
        this.clients = new ClientRequests(warden.port());
    }

    /** Starts a node with the test defaults and these further settings (keys as in application.yaml). */
    public static WardenOnMariaDb start(Path dataDir, Map<String, String> settings) throws IOException {
        TestMariaDb database = new TestMariaDb();
        try {
            Map<String, String> all = new HashMap<>(Map.of("warden.http.port", "0", "warden.http.host", "127.0.0.1",
                    "warden.data.dir", dataDir.toString(), "warden.db.url", database.url(),
                    "warden.db.user", TestMariaDb.USER, "warden.db.password", TestMariaDb.PASSWORD));
            all.putAll(settings);
            Wiring warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(all))));
            return new WardenOnMariaDb(database, warden, Files.readString(dataDir.resolve("admin.pat")).strip());
        } catch (RuntimeException | IOException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return warden.port();
    }

    /** A new service user; returns its id. */
    String machineUser(String userName) {
        return ok(api.post("/management/v1/users/machine", adminPat,
                "{\"userName\":\"" + userName + "\",\"name\":\"" + userName + "\"}")).text("/userId");
    }

    static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    /** The median of nanosecond latencies, in milliseconds. */
    static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }

    @Override
    public void close() {
        try {
            warden.close();
        } finally {
            database.close();
        }
    }
}
