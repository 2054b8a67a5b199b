package dev.warden.persistence.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes of a cluster started at once on an empty MariaDB database: Flyway's lock lets one of them
 * migrate and the others wait, so every migration runs exactly once and every node starts.
 */
class ConcurrentMigrationTest {

    private static final int NODES = 3;

    @TempDir
    Path unused;
    private DatabaseSettings created;

    @AfterEach
    void dropDatabase() {
        if (created != null) {
            TestDatabase.dropMariaDb(created);
        }
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        created = TestDatabase.create(Engine.MARIADB, unused);
        List<Supplier<Database>> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(() -> Database.open(created));
        }

        List<Database> opened = Race.run(nodes);

        try {
            for (Database node : opened) {
                assertThat(node.ping()).isTrue();
            }
            List<String> history = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(created.jdbcUrl(), created.user(),
                    created.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    history.add(rows.getString(1) + (rows.getBoolean(2) ? "" : " FAILED"));
                }
            }
            List<String> shipped;
            try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                shipped = files.map(f -> f.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1"))
                        .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
            }
            assertThat(history).as("each migration applied once, none failed").containsExactlyElementsOf(shipped);
        } finally {
            opened.forEach(Database::close);
        }
    }
}
