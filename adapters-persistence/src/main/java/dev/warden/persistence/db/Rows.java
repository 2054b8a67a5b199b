package dev.warden.persistence.db;

import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Driven adapter: the one place where rows' column values become Java values and back, so that
 * every repository stores instants the same way: as UTC wall-clock times in DATETIME(6) columns.
 */
public final class Rows {

    private Rows() {
    }

    /** The parameter value for a DATETIME(6) column: the instant's UTC date and time. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static long longValue(DbRow row, String column) {
        Number value = row.column(column).get(Number.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value.longValue();
    }

    public static String string(DbRow row, String column) {
        String value = row.column(column).get(String.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    /** A DATETIME(6) column read back as the UTC instant it was written as. */
    public static Instant instant(DbRow row, String column) {
        Instant instant = nullableInstant(row, column);
        if (instant == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return instant;
    }

    public static Instant nullableInstant(DbRow row, String column) {
        // Typed access: DbColumn.get() would convert to the column's JDBC class, java.sql.Timestamp,
        // through the JVM's zone. Connections from Database read DATETIME as LocalDateTime.
        LocalDateTime value = row.column(column).get(LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
