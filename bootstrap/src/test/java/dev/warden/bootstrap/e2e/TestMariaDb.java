package dev.warden.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty MariaDB database for one test class, dropped afterwards. The server comes from
 * {@code WARDEN_TEST_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/}); if it does not
 * answer, the test fails: persistence is never silently skipped.
 */
public final class TestMariaDb implements AutoCloseable {

    static final String SERVER_URL = env("WARDEN_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = env("WARDEN_TEST_MARIADB_USER", "root");
    static final String PASSWORD = env("WARDEN_TEST_MARIADB_PASSWORD", "");

    private final String name = "warden_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestMariaDb() {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    String name() {
        return name;
    }

    String url() {
        return (SERVER_URL.endsWith("/") ? SERVER_URL : SERVER_URL + "/") + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** The rows the queries return, as text: what a test compares before and after a request. */
    public String dump(List<String> queries) {
        StringBuilder out = new StringBuilder();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String query : queries) {
                out.append(query).append('\n');
                try (ResultSet rows = statement.executeQuery(query)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(meta.getColumnLabel(i)).append('=').append(rows.getString(i)).append(' ');
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Checks a dump of the database for leaked secrets ({@link SecretLedger}), then drops it. */
    @Override
    public void close() {
        try {
            SecretLedger.get().checkText("the database " + name, dump());
        } finally {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    /** Every value of every character or binary column of every table, one per line (binary as UTF-8). */
    String dump() {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = '" + name + "' AND data_type IN ('char', 'varchar', 'tinytext', 'text', "
                    + "'mediumtext', 'longtext', 'binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', "
                    + "'json')")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (ResultSet rows = statement.executeQuery("SELECT `" + column[1] + "` FROM `" + column[0] + "`")) {
                    while (rows.next()) {
                        byte[] value = rows.getBytes(1);
                        if (value != null) {
                            dump.append(new String(value, StandardCharsets.UTF_8)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot dump the test database " + name + ": " + e.getMessage(), e);
        }
        return dump.toString();
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is required for these tests and did not answer at " + SERVER_URL
                    + " as " + USER + " (set WARDEN_TEST_MARIADB_URL/_USER/_PASSWORD): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
