package dev.warden.persistence.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    private static final List<String> TABLES =
            List.of("instance", "orgs", "users", "personal_access_tokens", "memberships", "change_feed",
                    "machine_secrets", "machine_keys", "projects", "project_roles", "api_apps", "app_keys", "user_grants",
                    "user_grant_roles", "access_tokens", "assertion_replays", "signing_keys", "audit_events");
    private static final int MIGRATIONS = 8;

    @TempDir
    Path dir;
    private DatabaseSettings created;

    @AfterEach
    void dropDatabase() {
        if (created != null) {
            TestDatabase.dropMariaDb(created);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratingAnEmptyDatabaseCreatesTheSchema(Engine engine) {
        created = TestDatabase.create(engine, dir);

        MigrateResult result = flyway(created).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(MIGRATIONS);
        try (TestDatabase opened = TestDatabase.reopen(engine, created)) {
            for (String table : TABLES) {
                assertThat(opened.count(table)).as(table).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratingTwiceIsANoOp(Engine engine) {
        created = TestDatabase.create(engine, dir);
        Database.open(created).close();

        MigrateResult again = flyway(created).migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway(created).info().applied()).hasSize(MIGRATIONS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void openingAMigratedDatabaseKeepsItsRows(Engine engine) {
        created = TestDatabase.create(engine, dir);
        try (TestDatabase first = TestDatabase.reopen(engine, created)) {
            first.sql("INSERT INTO orgs (id, name, primary_domain, state, sequence, created_at, changed_at) "
                    + "VALUES (1, 'kept', 'kept.localhost', 'ACTIVE', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        }
        try (TestDatabase second = TestDatabase.reopen(engine, created)) {
            assertThat(second.count("orgs")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upgradingAVersion1DatabaseKeepsItsRows(Engine engine) throws SQLException {
        created = TestDatabase.create(engine, dir);
        Flyway.configure()
                .dataSource(created.jdbcUrl(), created.user(), created.password())
                .locations(Database.MIGRATIONS)
                .target("1")
                .load()
                .migrate();
        try (Connection v1 = DriverManager.getConnection(created.jdbcUrl(), created.user(), created.password());
             Statement statement = v1.createStatement()) {
            statement.execute("INSERT INTO orgs (id, name, primary_domain, state, sequence, created_at, changed_at) "
                    + "VALUES (1, 'kept', 'kept.localhost', 'ACTIVE', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
            statement.execute("INSERT INTO users (id, org_id, user_name, display_name, description, "
                    + "access_token_type, state, sequence, created_at, changed_at) VALUES (2, 1, 'bot', 'Bot', '', "
                    + "'BEARER', 'ACTIVE', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        }

        MigrateResult result = flyway(created).migrate();

        assertThat(result.migrationsExecuted).isEqualTo(MIGRATIONS - 1);
        try (TestDatabase upgraded = TestDatabase.reopen(engine, created)) {
            assertThat(upgraded.count("orgs")).isEqualTo(1);
            assertThat(upgraded.count("users")).isEqualTo(1);
            assertThat(upgraded.count("change_feed")).isZero();
        }
    }

    private static Flyway flyway(DatabaseSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(Database.MIGRATIONS)
                .load();
    }
}
