package dev.warden.persistence.project;

import io.helidon.dbclient.DbRow;

import java.util.Optional;

/** Column reads the shared {@code Rows} lacks: booleans (TINYINT(1) on MariaDB, BOOLEAN on H2) and nullable text. */
final class Columns {

    private Columns() {
    }

    static boolean bool(DbRow row, String column) {
        Object value = row.column(column).get();
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        throw new IllegalStateException("column " + column + " is not a boolean");
    }

    static Optional<String> nullableString(DbRow row, String column) {
        return Optional.ofNullable(row.column(column).get(String.class));
    }
}
