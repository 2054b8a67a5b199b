package dev.warden.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Driven adapter: the database Warden runs on, MariaDB or the embedded H2. Opening it creates
 * the connection pool, brings the schema up to date with Flyway and builds the Helidon
 * {@link DbClient} that the repositories use; closing it closes the pool.
 *
 * <p>Faults fail fast rather than pile up. A {@link Reachability} check runs every check interval
 * on a connection of its own; once it fails, calls that need the database fail at once (503)
 * instead of each waiting out the pool's connection timeout, the calls already waiting on the lost
 * server are ended, and the idle connections are dropped. The first good check lets calls through
 * again: no restart is needed. Every statement of a call has the network timeout as a last bound.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";
    /** How often the database is asked whether it answers; also bounds how long an outage goes unnoticed. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMillis(500);
    /** How long a reachability check waits for the answer to {@code SELECT 1} (and for a new connection). */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAXIMUM_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());

    private final HikariDataSource dataSource;
    private final InFlightConnections inFlight = new InFlightConnections();
    private final int networkTimeoutMillis;
    private final boolean mariaDb;
    private final DbClient dbClient;
    private final Reachability reachability;
    private final ScheduledExecutorService checker;

    private Database(HikariDataSource dataSource, DatabaseSettings settings, Duration checkInterval) {
        this.dataSource = dataSource;
        this.networkTimeoutMillis = Math.toIntExact(settings.networkTimeout().toMillis());
        this.mariaDb = isMariaDb(settings);
        // helidon-dbclient-hikari is not available, and the config-only DbClient.create(config)
        // finds no pool provider without it: hand DbClient our own pool.
        this.dbClient = JdbcClientBuilder.create().connectionPool(this::connection).build();
        this.reachability = new Reachability(() -> directConnection(settings), CHECK_TIMEOUT, mariaDb,
                this::lost, Clock.systemUTC());
        this.checker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("warden-db-check").daemon().factory());
        long every = Math.max(1, checkInterval.toMillis());
        checker.scheduleWithFixedDelay(reachability::check, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects, migrates and returns the database; fails with an {@link IllegalStateException}
     * naming the (redacted) URL when the database cannot be reached within the connection timeout
     * or a migration fails.
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, DEFAULT_CHECK_INTERVAL);
    }

    /** As {@link #open(DatabaseSettings)}, checking reachability every {@code checkInterval}. */
    public static Database open(DatabaseSettings settings, Duration checkInterval) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(checkInterval, "checkInterval");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to the database at " + settings.redactedUrl()
                    + " as " + settings.user() + ": " + rootMessage(e, settings), e);
        }
        try {
            migrate(dataSource);
            return new Database(dataSource, settings, checkInterval);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot migrate the database at " + settings.redactedUrl() + ": "
                    + rootMessage(e, settings), e);
        }
    }

    /**
     * The URL of the embedded H2 database in {@code dataDir}, in the MariaDB mode that lets the
     * MariaDB migrations and queries run unchanged. H2 does not close it from a shutdown hook of its
     * own: {@link #close} does, after the requests in flight have finished with it.
     */
    public static String embeddedH2Url(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("warden")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IGNORECASE=TRUE"
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public DbClient dbClient() {
        return dbClient;
    }

    /** The pool itself, for tests that inspect the database beside the adapters. */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the database answers a trivial query right now, for readiness checks; a good answer
     * also ends a known outage at once. Never throws; takes at most about two seconds, and does
     * not wait for a pooled connection.
     */
    public boolean ping() {
        if (dataSource.isClosed()) {
            return false;
        }
        return reachability.check();
    }

    /**
     * The connection pool now, for metrics: connections in use, idle, open in all, callers waiting
     * for one, and the most it opens. All zero once closed.
     */
    public PoolStatistics poolStatistics() {
        HikariPoolMXBean pool = dataSource.isClosed() ? null : dataSource.getHikariPoolMXBean();
        if (pool == null) {
            return new PoolStatistics(0, 0, 0, 0, dataSource.getMaximumPoolSize());
        }
        return new PoolStatistics(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
                pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
    }

    /** The connection pool's counts: see {@link #poolStatistics()}. */
    public record PoolStatistics(int active, int idle, int total, int waiting, int maximum) {
    }

    /** Whether the latest reachability check succeeded; costs nothing. */
    public boolean reachable() {
        return reachability.reachable();
    }

    @Override
    public void close() {
        checker.shutdownNow();
        try {
            reachability.close();
            dbClient.close();
        } finally {
            dataSource.close();
        }
    }

    /** Run once when an outage begins: nothing may stay stuck on the lost server, nor be handed out again. */
    private void lost() {
        int aborting = inFlight.abortAll();
        if (aborting > 0) {
            LOGGER.log(Level.INFO, () -> "Ending " + aborting + " database call(s) in flight on the lost server");
        }
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /**
     * A pooled connection for the repositories: refused at once while the database is known to be
     * unreachable, bounded by the network timeout, and ended early if an outage begins meanwhile.
     */
    private Connection connection() {
        if (!reachability.reachable()) {
            throw new NoConnectionException(
                    new SQLTransientConnectionException("refused while the database fails its checks", "08001"));
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // The cause keeps its SQLState (class 08, or Hikari's timeout) for DbFailures to recognise.
            throw new NoConnectionException(e);
        }
        if (mariaDb) {
            try {
                connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new NoConnectionException(e);
            }
        }
        Connection tracked = inFlight.track(connection);
        return LocalDateTimeReads.wrap(mariaDb ? tracked : EmbeddedDurability.wrap(tracked));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOGGER.log(Level.DEBUG, "Closing a connection failed", e);
        }
    }

    private static boolean isMariaDb(DatabaseSettings settings) {
        return settings.jdbcUrl().startsWith("jdbc:mariadb:");
    }

    /** A connection outside the pool, for the reachability check, connecting within the check timeout. */
    private static Connection directConnection(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        if (isMariaDb(settings)) {
            properties.setProperty("connectTimeout", Long.toString(CHECK_TIMEOUT.toMillis()));
        }
        Connection connection = DriverManager.getDriver(settings.jdbcUrl()).connect(settings.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts " + settings.redactedUrl(), "08001");
        }
        return connection;
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
        if (isMariaDb(settings)) {
            // A new connection to a frozen server must give up as soon as a waiting caller does.
            config.addDataSourceProperty("connectTimeout", Long.toString(timeoutMillis));
        }
        return config;
    }

    private static void migrate(HikariDataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                // A rolling upgrade: this node must start on a schema a newer node already migrated.
                .ignoreMigrationPatterns("*:future")
                .load()
                .migrate();
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
