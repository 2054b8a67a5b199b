package dev.warden.persistence.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether the database answers, checked on a connection of its own outside the pool: a pool that
 * is merely busy must not look like a lost database, and a check must not wait in its queue.
 *
 * <p>{@link #check} runs {@code SELECT 1} with a short network timeout, reconnecting when the last
 * check broke the connection. The first failed check of an outage logs one WARNING and runs the
 * {@code lost} action (which ends the calls stuck on the lost database); the first good one after
 * it logs one INFO with the outage's length. Nothing is logged in between, however often it is
 * checked.
 */
final class Reachability implements AutoCloseable {

    /** Opens a connection that no pool manages, connecting within the check timeout. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private static final System.Logger LOGGER = System.getLogger(Reachability.class.getName());

    private final Connector connector;
    private final int timeoutMillis;
    private final boolean networkTimeoutSupported;
    private final Runnable lost;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile boolean reachable = true;
    private Instant lostAt;
    private Connection connection;

    /**
     * @param timeout                 longest a check may wait for the database's answer
     * @param networkTimeoutSupported whether the driver bounds a blocked read (MariaDB; embedded H2 never blocks on a network)
     * @param lost                    run once when an outage begins
     */
    Reachability(Connector connector, Duration timeout, boolean networkTimeoutSupported, Runnable lost, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.networkTimeoutSupported = networkTimeoutSupported;
        this.lost = Objects.requireNonNull(lost, "lost");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of the latest check; true until a check fails. */
    boolean reachable() {
        return reachable;
    }

    /**
     * Asks the database now and returns the answer; never throws. When another check is running,
     * waits for it at most the timeout and then returns the latest outcome, so that no caller (a
     * readiness probe) waits longer than about three times the timeout: wait, connect, query.
     */
    boolean check() {
        try {
            if (!checking.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return reachable;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reachable;
        }
        try {
            SQLException failure = null;
            try {
                ask();
            } catch (SQLException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new SQLException(e.getMessage(), "08000", e);
            }
            if (failure == null) {
                recovered();
                return true;
            }
            closeConnection();
            failed(failure);
            return false;
        } finally {
            checking.unlock();
        }
    }

    @Override
    public void close() {
        checking.lock();
        try {
            closeConnection();
        } finally {
            checking.unlock();
        }
    }

    private void ask() throws SQLException {
        if (connection == null) {
            connection = connector.connect();
            if (networkTimeoutSupported) {
                connection.setNetworkTimeout(Runnable::run, timeoutMillis);
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT 1")) {
            if (!result.next()) {
                throw new SQLException("SELECT 1 returned no row", "08000");
            }
        }
    }

    private void failed(SQLException failure) {
        if (!reachable) {
            return;
        }
        reachable = false;
        lostAt = clock.instant();
        LOGGER.log(Level.WARNING, () -> "Database unreachable (" + DbFailures.describe(failure) + "); calls that need "
                + "it are answered 503 with Retry-After until it answers again");
        lost.run();
    }

    private void recovered() {
        if (reachable) {
            return;
        }
        reachable = true;
        long millis = Duration.between(lostAt, clock.instant()).toMillis();
        LOGGER.log(Level.INFO, () -> "Database reachable again after " + millis + " ms");
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            // A frozen server never answers a polite close: drop the socket instead.
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException closing) {
                LOGGER.log(Level.DEBUG, "Closing the reachability connection failed", closing);
            }
        }
        connection = null;
    }
}
