package dev.warden.persistence.db;

import dev.warden.application.error.UnavailableException;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.token.BatchingTokenUsageRecorder;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void embeddedH2UrlPointsIntoTheDataDirectoryInMariaDbMode(@TempDir Path dir) {
        assertThat(Database.embeddedH2Url(dir)).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath().resolve("warden")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IGNORECASE=TRUE"
                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void openFailsFastWithAClearMessageWhenNothingListens() throws IOException {
        int port = unusedPort();
        DatabaseSettings settings = new DatabaseSettings("jdbc:mariadb://127.0.0.1:" + port + "/warden?password=secret",
                "warden", "secret", 2, Duration.ofSeconds(1));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to the database at jdbc:mariadb://127.0.0.1:" + port + "/warden")
                .hasMessageNotContaining("secret");
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:mariadb://db:3306/warden?password=hunter2", "warden",
                "hunter2");

        assertThat(settings.toString()).doesNotContain("hunter2").contains("jdbc:mariadb://db:3306/warden");
    }

    @Test
    void settingsRefuseAnEmptyUrl() {
        assertThatThrownBy(() -> new DatabaseSettings(" ", "sa", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class OnMariaDb extends EngineContract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }

        @Test
        void lostDatabaseMakesRepositoriesUnavailableAndPingFalse(@TempDir Path unused) throws Exception {
            DatabaseSettings direct = TestDatabase.create(Engine.MARIADB, unused);
            try (TcpProxy proxy = proxyToMariaDb()) {
                DatabaseSettings settings = new DatabaseSettings(viaProxy(proxy, direct), direct.user(),
                        direct.password(), 1, Duration.ofMillis(500));
                try (Database database = Database.open(settings)) {
                    MariaDbOrganizationRepository orgs = new MariaDbOrganizationRepository(database.dbClient());
                    assertThat(orgs.findById(1)).isEmpty();
                    assertThat(database.ping()).isTrue();

                    proxy.cut();

                    assertThatThrownBy(() -> orgs.findById(1))
                            .isInstanceOfSatisfying(UnavailableException.class, e -> {
                                assertThat(e.errorId()).isEqualTo("DB-unavail");
                                assertThat(e.text()).isEqualTo("Database unavailable");
                            });
                    assertThat(database.ping()).isFalse();
                }
            } finally {
                TestDatabase.dropMariaDb(direct);
            }
        }

        @Test
        void aFrozenDatabaseEndsCallsInFlightRefusesNewOnesAtOnceAndRecoversWithoutARestart() throws Exception {
            DatabaseSettings direct = testDatabase().settings();
            try (TcpProxy proxy = proxyToMariaDb()) {
                // A network timeout far beyond the test's patience: only the reachability check can end the call.
                DatabaseSettings settings = new DatabaseSettings(viaProxy(proxy, direct), direct.user(),
                        direct.password(), 2, Duration.ofMillis(500), Duration.ofMinutes(10));
                try (Database database = Database.open(settings, Duration.ofMillis(100))) {
                    MariaDbOrganizationRepository orgs = new MariaDbOrganizationRepository(database.dbClient());
                    assertThat(orgs.findById(1)).isEmpty();

                    proxy.freeze();
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> orgs.findById(1)).isInstanceOf(UnavailableException.class);
                    Duration inFlight = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(inFlight).as("ended by the check, not by the network timeout")
                            .isLessThan(Duration.ofMinutes(1));
                    assertThat(database.reachable()).isFalse();
                    assertThat(database.ping()).isFalse();

                    start = System.nanoTime();
                    assertThatThrownBy(() -> orgs.findById(1)).isInstanceOf(UnavailableException.class);
                    Duration refused = Duration.ofNanos(System.nanoTime() - start);

                    proxy.thaw();
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!database.reachable() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(orgs.findById(1)).isEmpty();
                    assertThat(database.ping()).isTrue();
                    System.getLogger(DatabaseTest.class.getName()).log(System.Logger.Level.INFO, "[frozen database] "
                            + "call in flight ended after " + inFlight.toMillis() + " ms; next call refused in "
                            + refused.toMillis() + " ms");
                }
            }
        }

        @Test
        void lostDatabaseMakesTransactionsListsAndBatchesUnavailable() throws Exception {
            DatabaseSettings direct = testDatabase().settings();
            try (TcpProxy proxy = proxyToMariaDb()) {
                DatabaseSettings settings = new DatabaseSettings(viaProxy(proxy, direct), direct.user(),
                        direct.password(), 1, Duration.ofMillis(500));
                try (Database database = Database.open(settings)) {
                    var tokens = new MariaDbPersonalAccessTokenRepository(database.dbClient());
                    var orgs = new MariaDbOrganizationRepository(database.dbClient());
                    Map<Long, Instant> uses = Map.of(1L, Instant.parse("2026-05-01T12:00:00Z"));
                    assertThat(tokens.remove(1)).isFalse();
                    tokens.recordLastUsed(uses);

                    proxy.cut();

                    assertThatThrownBy(() -> tokens.remove(1)).isInstanceOf(UnavailableException.class);
                    assertThatThrownBy(() -> tokens.recordLastUsed(uses)).isInstanceOf(UnavailableException.class);
                    assertThatThrownBy(() -> orgs.list(new OrgFilter.All(), PageRequest.ALL))
                            .isInstanceOf(UnavailableException.class);
                    try (var recorder = new BatchingTokenUsageRecorder(tokens, Duration.ofHours(1))) {
                        recorder.used(1, Instant.parse("2026-05-01T12:00:01Z"));
                        assertThat(recorder.flush()).isFalse();
                        assertThat(recorder.pendingCount()).isEqualTo(1);
                    }
                }
            }
        }
    }

    @Nested
    class OnH2 extends EngineContract {
        OnH2() {
            super(Engine.H2);
        }
    }

    abstract static class EngineContract extends DatabaseContract {
        EngineContract(Engine engine) {
            super(engine);
        }

        @Test
        void pingIsTrueWhileTheDatabaseAnswers() {
            assertThat(testDatabase().database().ping()).isTrue();
        }

        @Test
        void pingIsFalseNotAnExceptionOnceClosed(@TempDir Path dir) {
            DatabaseSettings settings = TestDatabase.create(testDatabase().engine(), dir);
            Database database = Database.open(settings);
            database.close();
            try {
                assertThat(database.ping()).isFalse();
            } finally {
                TestDatabase.dropMariaDb(settings);
            }
        }

        @Test
        void duplicateKeyIsToldApartFromAMissingForeignKey() {
            String org = "INSERT INTO orgs (id, name, primary_domain, state, sequence, created_at, changed_at) "
                    + "VALUES (?, ?, 'd.localhost', 'ACTIVE', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')";
            db().execute().insert(org, 42L, "dup");

            RuntimeException sameId = catchRuntime(() -> db().execute().insert(org, 42L, "other"));
            RuntimeException sameName = catchRuntime(() -> db().execute().insert(org, 43L, "DUP"));
            RuntimeException noSuchOrg = catchRuntime(() -> db().execute().insert("INSERT INTO users (id, org_id, "
                    + "user_name, display_name, description, access_token_type, state, sequence, created_at, "
                    + "changed_at) VALUES (1, 404, 'u', 'u', '', 'BEARER', 'ACTIVE', 1, '2026-01-01 00:00:00', "
                    + "'2026-01-01 00:00:00')"));

            assertThat(DbFailures.isDuplicateKey(sameId)).isTrue();
            assertThat(DbFailures.isDuplicateKey(sameName)).isTrue();
            assertThat(DbFailures.isConstraintViolation(noSuchOrg)).isTrue();
            assertThat(DbFailures.isDuplicateKey(noSuchOrg)).isFalse();
        }

        @Test
        void failingStatementSurfacesWithoutItsSql() {
            assertThatThrownBy(() -> DbFailures.call(() -> db().execute().get("SELECT no_such_column FROM orgs")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Database operation failed")
                    .hasMessageNotContaining("no_such_column");
        }
    }

    private static TcpProxy proxyToMariaDb() throws IOException {
        URI server = URI.create(TestDatabase.mariaDbUrl().substring("jdbc:".length()));
        return new TcpProxy(server.getHost(), server.getPort() < 0 ? 3306 : server.getPort());
    }

    /** The URL of the database of {@code direct}, reached through the proxy. */
    private static String viaProxy(TcpProxy proxy, DatabaseSettings direct) {
        return direct.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    }

    private static RuntimeException catchRuntime(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the statement did not fail");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
