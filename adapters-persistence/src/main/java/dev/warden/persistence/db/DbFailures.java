package dev.warden.persistence.db;

import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.ConflictException;
import dev.warden.application.error.UnavailableException;

import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Driven adapter: turns database failures into what the application understands, so that no SQL
 * text, table name or driver class travels upward. A database that cannot be reached becomes
 * {@link UnavailableException} (the client may retry); anything else is a bug and becomes an
 * {@link IllegalStateException} with a generic message, the original kept as its cause for the log.
 */
public final class DbFailures {

    public static final String UNAVAILABLE_ID = "DB-unavail";
    public static final String UNAVAILABLE_TEXT = "Database unavailable";
    static final String FAILED_TEXT = "Database operation failed";

    private static final String DUPLICATE_KEY_STATE = "23505";
    private static final String INTEGRITY_STATE = "23000";
    private static final String SERIALIZATION_FAILURE_STATE = "40001";
    private static final int MARIADB_DEADLOCK = 1213;
    private static final Set<Integer> MARIADB_DUPLICATE_KEY_CODES = Set.of(1022, 1062, 1586);
    private static final Set<Integer> MARIADB_FOREIGN_KEY_CODES = Set.of(1216, 1217, 1451, 1452);
    private static final System.Logger LOGGER = System.getLogger(DbFailures.class.getName());

    private DbFailures() {
    }

    /** Runs a database call, translating its failures. */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * As {@link #call}, but without the WARNING for a lost database: for background work that
     * reports its own failures (once per outage, rather than once per attempt).
     */
    public static <T> T callUnlogged(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e, false);
        }
    }

    /** The application-level exception for a failed database call. */
    public static RuntimeException translate(RuntimeException failure) {
        return translate(failure, true);
    }

    /**
     * As {@link #translate}, for writes that no client request races (the first-instance set-up):
     * a violated foreign key there is a bug, not a concurrent removal.
     */
    public static RuntimeException translateInternal(RuntimeException failure) {
        RuntimeException translated = translate(failure, true);
        return translated instanceof ConflictException ? new IllegalStateException(FAILED_TEXT, failure) : translated;
    }

    private static RuntimeException translate(RuntimeException failure, boolean logUnavailable) {
        if (failure instanceof UnavailableException) {
            return failure;
        }
        if (isConnectionFailure(failure)) {
            if (logUnavailable) {
                // Once per call: an outage is reported once, when it begins and ends, by Database.
                LOGGER.log(Level.DEBUG, () -> "Database unavailable: " + describe(failure));
            }
            UnavailableException unavailable = new UnavailableException(UNAVAILABLE_ID, UNAVAILABLE_TEXT);
            unavailable.initCause(failure);
            return unavailable;
        }
        if (isForeignKeyViolation(failure) || isSerializationFailure(failure)) {
            // The services check what a write refers to before writing; a missing row here was
            // removed by a concurrent request in between; a serialization failure that outlived
            // Transactions' retries lost to concurrent writers: either way the client may retry.
            ConflictException conflict = new ConflictException(OptimisticUpdate.CONFLICT_ID,
                    OptimisticUpdate.CONFLICT_TEXT);
            conflict.initCause(failure);
            return conflict;
        }
        return new IllegalStateException(FAILED_TEXT, failure);
    }

    /**
     * Whether the failure means the database could not be reached or the connection broke: no
     * connection within the pool's timeout, refused or lost connections (SQLState class 08).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a violated unique, primary or foreign key (SQLState class 23). */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is a missing parent or a remaining child of a foreign key: MariaDB's
     * {@code ER_NO_REFERENCED_ROW_2} / {@code ER_ROW_IS_REFERENCED_2} (1452, 1451, and the older
     * 1216, 1217) or the standard SQLStates 23503 and 23506 (H2).
     */
    public static boolean isForeignKeyViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if ("23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState())) {
                    return true;
                }
                if (INTEGRITY_STATE.equals(sql.getSQLState()) && MARIADB_FOREIGN_KEY_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the failure is a duplicate value of a primary or unique key, and not some other
     * constraint (a missing foreign key, say): MariaDB's {@code ER_DUP_ENTRY} (1062, and its
     * variants 1022 and 1586, all SQLState 23000) or the standard SQLState 23505 (H2).
     */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (DUPLICATE_KEY_STATE.equals(sql.getSQLState())) {
                    return true;
                }
                if (INTEGRITY_STATE.equals(sql.getSQLState())
                        && MARIADB_DUPLICATE_KEY_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the transaction was chosen to give way to a concurrent one and may simply run again:
     * SQLState 40001 (an InnoDB deadlock victim, a Galera certification conflict, an H2 deadlock)
     * or MariaDB's {@code ER_LOCK_DEADLOCK} (1213).
     */
    public static boolean isSerializationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE_STATE.equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, with its SQLState: for logs only, never for a client. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")" : "";
        return root.getClass().getSimpleName() + state + ": " + root.getMessage();
    }
}
