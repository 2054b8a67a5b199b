package dev.warden.persistence.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB Galera Cluster needs from the schema (docs/scaling.md), checked on the migrated
 * MariaDB schema: Galera replicates only InnoDB, needs a primary key on every table to apply row
 * events and detect conflicts, and Warden's ids must not depend on AUTO_INCREMENT (whose steps
 * Galera spreads across nodes).
 */
class GaleraReadySchemaTest {

    @Test
    void everyTableIsInnoDbWithAPrimaryKeyAndNoAutoIncrement(@TempDir Path dir) {
        try (TestDatabase database = TestDatabase.open(Engine.MARIADB, dir)) {
            String schema = "table_schema = DATABASE()";
            assertThat(database.strings("SELECT table_name FROM information_schema.tables WHERE " + schema))
                    .as("the schema has tables").hasSizeGreaterThan(10);
            assertThat(database.strings("SELECT table_name FROM information_schema.tables WHERE " + schema
                    + " AND engine <> 'InnoDB'")).as("tables not in InnoDB").isEmpty();
            assertThat(database.strings("SELECT t.table_name FROM information_schema.tables t WHERE t." + schema
                    + " AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = "
                    + "t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')"))
                    .as("tables without a primary key").isEmpty();
            assertThat(database.strings("SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns "
                    + "WHERE " + schema + " AND extra LIKE '%auto_increment%' AND table_name <> 'flyway_schema_history'"))
                    .as("AUTO_INCREMENT columns").isEmpty();
        }
    }
}
