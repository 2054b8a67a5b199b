package dev.warden.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Driven adapter: the database Warden runs on, MariaDB or the embedded H2. Opening it creates
 * the connection pool, brings the schema up to date with Flyway and builds the Helidon
 * {@link DbClient} that the repositories use; closing it closes the pool.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";
    private static final int PING_TIMEOUT_SECONDS = 2;
    private static final Duration MAXIMUM_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());

    private final HikariDataSource dataSource;
    private final DbClient dbClient;

    private Database(HikariDataSource dataSource, DbClient dbClient) {
        this.dataSource = dataSource;
        this.dbClient = dbClient;
    }

    /**
     * Connects, migrates and returns the database; fails with an {@link IllegalStateException}
     * naming the (redacted) URL when the database cannot be reached within the connection timeout
     * or a migration fails.
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to the database at " + settings.redactedUrl()
                    + " as " + settings.user() + ": " + rootMessage(e, settings), e);
        }
        try {
            migrate(dataSource);
            // helidon-dbclient-hikari is not available, and the config-only DbClient.create(config)
            // finds no pool provider without it: hand DbClient our own pool.
            DbClient dbClient = JdbcClientBuilder.create()
                    .connectionPool(() -> connection(dataSource))
                    .build();
            return new Database(dataSource, dbClient);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot migrate the database at " + settings.redactedUrl() + ": "
                    + rootMessage(e, settings), e);
        }
    }

    /**
     * The URL of the embedded H2 database in {@code dataDir}, in the MariaDB mode that lets the
     * MariaDB migrations and queries run unchanged.
     */
    public static String embeddedH2Url(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("warden")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IGNORECASE=TRUE";
    }

    public DbClient dbClient() {
        return dbClient;
    }

    /** The pool itself, for tests that inspect the database beside the adapters. */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the database answers a trivial query right now, for readiness checks. Never throws;
     * takes at most the connection timeout plus two seconds.
     */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PING_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next();
            }
        } catch (SQLException | RuntimeException e) {
            LOGGER.log(Level.DEBUG, () -> "Database ping failed: " + e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void close() {
        try {
            dbClient.close();
        } finally {
            dataSource.close();
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warden-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        long timeoutMillis = settings.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeoutMillis);
        // Hikari wants validation to finish within the connection timeout.
        config.setValidationTimeout(Math.max(250, Math.min(MAXIMUM_VALIDATION_TIMEOUT.toMillis(), timeoutMillis / 2)));
        // Fail at start, not on the first request, when the database is not there.
        config.setInitializationFailTimeout(1);
        return config;
    }

    private static void migrate(HikariDataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static Connection connection(HikariDataSource dataSource) {
        try {
            return LocalDateTimeReads.wrap(dataSource.getConnection());
        } catch (SQLException e) {
            // The cause keeps its SQLState (class 08, or Hikari's timeout) for DbFailures to recognise.
            throw new DbClientException("No database connection", e);
        }
    }

    /** The innermost message, which says what went wrong, without the URL's parameters or the password. */
    private static String rootMessage(Throwable failure, DatabaseSettings settings) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replace(settings.jdbcUrl(), settings.redactedUrl());
        return settings.password().isEmpty() ? message : message.replace(settings.password(), "***");
    }
}
