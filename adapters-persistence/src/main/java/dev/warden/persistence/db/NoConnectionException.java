package dev.warden.persistence.db;

import io.helidon.dbclient.DbClientException;

/**
 * No pooled connection could be had: the database is known to be unreachable, or none was free
 * within the connection timeout. A transaction that failed this way never began on the server,
 * so there is nothing to roll back.
 */
final class NoConnectionException extends DbClientException {

    NoConnectionException(Throwable cause) {
        super("No database connection", cause);
    }

    /** Whether the failure, or one of its causes, is a connection that was never had. */
    static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoConnectionException) {
                return true;
            }
        }
        return false;
    }
}
