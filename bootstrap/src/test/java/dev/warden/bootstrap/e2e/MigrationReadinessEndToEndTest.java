package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Readiness while the schema is migrated: a node does not listen at all (so every readiness probe
 * fails and no load balancer sends it a request) until Flyway has finished; then it is ready at
 * once. The migration is held up by locking Flyway's history table from another connection, as a
 * long migration by this or another node would.
 */
class MigrationReadinessEndToEndTest {

    @Test
    void aNodeDoesNotListenUntilItsMigrationsHaveRunThenIsReady(@TempDir Path first)
            throws Exception {
        try (TestMariaDb database = new TestMariaDb()) {
            // A first start creates the schema and its history, as an older node would have.
            start(database, first, 0).close();

            int port = freePort();
            CompletableFuture<Wiring> starting;
            try (Connection db = database.connect(); Statement sql = db.createStatement()) {
                sql.execute("LOCK TABLES flyway_schema_history WRITE");
                starting = CompletableFuture.supplyAsync(() -> start(database, first, port));
                // Long enough for the node to reach Flyway (the pool and the first connection come first).
                Thread.sleep(3_000);
                assertThat(starting).as("start-up waits for the migration").isNotDone();
                assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1_000))
                        .as("nothing listens while the schema is migrated").isInstanceOf(ConnectException.class);
                sql.execute("UNLOCK TABLES");
            }
            try (Wiring node = starting.get(120, TimeUnit.SECONDS)) {
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + node.port() + "/observe/health/ready"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                assertThat(ready.body()).contains("\"database\"").contains("UP");
            }
        }
    }

    private static Wiring start(TestMariaDb database, Path dataDir, int port) {
        return Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", Integer.toString(port), "warden.http.host", "127.0.0.1",
                "warden.data.dir", dataDir.toString(), "warden.db.url", database.url(),
                "warden.db.user", TestMariaDb.USER, "warden.db.password", TestMariaDb.PASSWORD)))));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
