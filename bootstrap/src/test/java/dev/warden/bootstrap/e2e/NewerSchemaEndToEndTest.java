package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade seen from a node of the current release: while it runs, a node of the next
 * release migrates the schema. The stand-in for that migration does all that the rules of
 * docs/operations.md ("Upgrades") allow, everywhere at once: a NOT NULL column with a default in
 * front of every table's columns, a nullable one after them, an index, a new table. The running
 * node keeps serving, and a node of the current release (re)started now starts on the newer
 * schema and serves the whole API: users, PATs, client secrets, keys, tokens, introspection.
 */
class NewerSchemaEndToEndTest {

    @Test
    void aNodeOfThisReleaseKeepsWorkingAndStartsOnTheSchemaOfTheNextRelease(@TempDir Path dataDir) throws Exception {
        try (TestMariaDb database = new TestMariaDb()) {
            Wiring running = Wiring.start(config(database, dataDir));
            Wiring restarted = null;
            try {
                Api api = new Api(running.port());
                String admin = Files.readString(dataDir.resolve("admin.pat")).strip();
                IssuedCredentials before = IssuedCredentials.issue(api, admin, "before-upgrade");

                Flyway.configure().dataSource(database.url(), TestMariaDb.USER, TestMariaDb.PASSWORD)
                        .locations("classpath:db/migration").javaMigrations(new V999__Next_release()).load().migrate();

                before.assertStillWork(api);
                IssuedCredentials during = IssuedCredentials.issue(api, admin, "during-upgrade");
                during.assertStillWork(api);

                restarted = Wiring.start(config(database, dataDir));
                Api again = new Api(restarted.port());
                before.assertStillWork(again);
                during.assertStillWork(again);
                IssuedCredentials after = IssuedCredentials.issue(again, admin, "after-upgrade");
                after.assertStillWork(again);
                after.assertStillWork(api);
            } finally {
                if (restarted != null) {
                    restarted.close();
                }
                running.close();
            }
            assertThat(database.dump(List.of("SELECT MAX(installed_rank) = (SELECT installed_rank FROM "
                    + "flyway_schema_history WHERE version = '999') AS newest, SUM(success = 0) AS failed "
                    + "FROM flyway_schema_history"))).contains("newest=1 failed=0");
        }
    }

    private static dev.warden.bootstrap.config.WardenConfig config(TestMariaDb database, Path dataDir) {
        return ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.external.url", IssuedCredentials.ISSUER, "warden.db.url", database.url(),
                "warden.db.user", TestMariaDb.USER, "warden.db.password", TestMariaDb.PASSWORD))));
    }

    /** What the next release's migration may do (and no more), to every table the current release uses. */
    // Flyway reads the version and description from the class name.
    static final class V999__Next_release extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                assertThat(tables).hasSizeGreaterThan(10);
                for (String table : tables) {
                    statement.execute("ALTER TABLE " + table + " ADD COLUMN next_flag VARCHAR(16) NOT NULL "
                            + "DEFAULT 'none' FIRST, ADD COLUMN next_note VARCHAR(200) NULL");
                }
                statement.execute("CREATE INDEX ix_users_next_flag ON users (next_flag, org_id)");
                statement.execute("CREATE TABLE next_things (id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
                        + "PRIMARY KEY (id), CONSTRAINT fk_next_things_user FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "ON DELETE CASCADE) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
            }
        }
    }
}
