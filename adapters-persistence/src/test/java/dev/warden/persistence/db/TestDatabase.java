package dev.warden.persistence.db;

import io.helidon.dbclient.DbClient;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, migrated database for one test class: a new {@code warden_test_<random>} database on the
 * MariaDB server named by {@code WARDEN_TEST_MARIADB_URL} / {@code _USER} / {@code _PASSWORD}
 * (dropped again on close), or a new H2 file database in a temporary directory.
 *
 * <p>An unreachable MariaDB fails the tests with a message saying so: they never skip, or a CI
 * without a database would pass without having tested anything.
 */
public final class TestDatabase implements AutoCloseable {

    static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final Engine engine;
    private final DatabaseSettings settings;
    private final Database database;
    private final String mariaDbName;

    private TestDatabase(Engine engine, DatabaseSettings settings, Database database, String mariaDbName) {
        this.engine = engine;
        this.settings = settings;
        this.database = database;
        this.mariaDbName = mariaDbName;
    }

    public static TestDatabase open(Engine engine, Path h2Directory) {
        DatabaseSettings settings = create(engine, h2Directory);
        String name = engine == Engine.MARIADB ? databaseName(settings.jdbcUrl()) : null;
        try {
            return new TestDatabase(engine, settings, Database.open(settings), name);
        } catch (RuntimeException e) {
            if (name != null) {
                drop(name);
            }
            throw e;
        }
    }

    /** Opens (and migrates) a database made by {@link #create}; closing it leaves the database in place. */
    public static TestDatabase reopen(Engine engine, DatabaseSettings settings) {
        return new TestDatabase(engine, settings, Database.open(settings), null);
    }

    /** Drops a MariaDB database made by {@link #create}; H2 ones go with their temporary directory. */
    public static void dropMariaDb(DatabaseSettings settings) {
        if (settings.jdbcUrl().startsWith("jdbc:mariadb:")) {
            drop(databaseName(settings.jdbcUrl()));
        }
    }

    /** Creates an empty database and returns the settings to reach it, without opening it. */
    public static DatabaseSettings create(Engine engine, Path h2Directory) {
        return switch (engine) {
            case H2 -> new DatabaseSettings(Database.embeddedH2Url(h2Directory), "sa", "", 4, Duration.ofSeconds(5));
            case MARIADB -> createMariaDb();
        };
    }

    public Engine engine() {
        return engine;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public DbClient dbClient() {
        return database.dbClient();
    }

    /** Runs plain SQL on a connection of its own, for set-up and inspection outside the adapters. */
    public void sql(String... statements) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of rows in a table. */
    public long count(String table) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of rows in a table that satisfy {@code condition} (SQL written by the test itself). */
    public long countWhere(String table, String condition) {
        return count(table + " WHERE " + condition);
    }

    /** The first column of every row of {@code sql} (written by the test itself), as text. */
    public List<String> strings(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kinds of the change feed entries about {@code subjectId}, oldest first. */
    public List<String> changesAbout(long subjectId) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT kind FROM change_feed WHERE subject_id = ? ORDER BY created_at, id")) {
            statement.setLong(1, subjectId);
            List<String> kinds = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    kinds.add(result.getString(1));
                }
            }
            return kinds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code action} while the change feed table is missing, so that every write of it fails:
     * the way to fail a repository's transaction after its change was made.
     */
    public void withoutChangeFeed(Runnable action) {
        sql("ALTER TABLE change_feed RENAME TO change_feed_away");
        try {
            action.run();
        } finally {
            sql("ALTER TABLE change_feed_away RENAME TO change_feed");
        }
    }

    @Override
    public void close() {
        database.close();
        if (mariaDbName != null) {
            drop(mariaDbName);
        }
    }

    // --- MariaDB server administration -------------------------------------------------------

    public static String mariaDbUrl() {
        return env("WARDEN_TEST_MARIADB_URL", DEFAULT_MARIADB_URL);
    }

    public static String mariaDbUser() {
        return env("WARDEN_TEST_MARIADB_USER", "root");
    }

    public static String mariaDbPassword() {
        return env("WARDEN_TEST_MARIADB_PASSWORD", "");
    }

    /** The server URL with {@code database} as its database, keeping any query parameters. */
    public static String mariaDbUrl(String database) {
        String base = mariaDbUrl();
        int query = base.indexOf('?');
        String parameters = query < 0 ? "" : base.substring(query);
        String path = query < 0 ? base : base.substring(0, query);
        int slash = path.indexOf('/', path.indexOf("//") + 2);
        String server = slash < 0 ? path : path.substring(0, slash);
        return server + "/" + database + parameters;
    }

    private static DatabaseSettings createMariaDb() {
        String name = "warden_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new DatabaseSettings(mariaDbUrl(name), mariaDbUser(), mariaDbPassword(), 4, Duration.ofSeconds(5));
    }

    private static void drop(String name) {
        admin("DROP DATABASE IF EXISTS " + name);
    }

    private static void admin(String sql) {
        String url = mariaDbUrl("");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, mariaDbUser(), mariaDbPassword());
        } catch (SQLException e) {
            throw new AssertionError("MariaDB is not reachable at " + url + " as " + mariaDbUser()
                    + ". The repository contract tests need a real MariaDB server and never skip: start one, or"
                    + " point WARDEN_TEST_MARIADB_URL, WARDEN_TEST_MARIADB_USER and WARDEN_TEST_MARIADB_PASSWORD"
                    + " at one. Cause: " + e.getMessage(), e);
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB refused: " + sql, e);
        }
    }

    private static String databaseName(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
