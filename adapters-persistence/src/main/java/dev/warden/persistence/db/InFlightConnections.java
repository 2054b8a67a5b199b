package dev.warden.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pooled connections that calls hold right now, so that they can be ended at once when the
 * database is found unreachable: a call blocked on a frozen server or a silent network would
 * otherwise wait out the whole network timeout before its client hears a 503.
 */
final class InFlightConnections {

    private final Set<Connection> held = ConcurrentHashMap.newKeySet();

    /** The connection, forgotten again when the caller closes it (returns it to the pool). */
    Connection track(Connection connection) {
        held.add(connection);
        return ConnectionProxy.wrap(connection, "InFlight", call -> {
            if (ConnectionProxy.isClose(call.method())) {
                held.remove(connection);
            }
            return call.proceed();
        });
    }

    /**
     * Drops the socket of every held connection: their calls fail with a connection error (503),
     * and the pool discards them when they are returned. Their transactions end unfinished, which
     * the server rolls back. Each abort runs on a virtual thread of its own and is not waited for:
     * a driver may first try to reach the lost server to cancel the running statement (MariaDB's
     * tries a {@code KILL} on a new connection, within its connect timeout).
     *
     * @return how many connections are being aborted
     */
    int abortAll() {
        int aborting = 0;
        for (Connection connection : held) {
            Thread.ofVirtual().name("warden-db-abort").start(() -> {
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    // Already closed, or the driver cannot abort: the network timeout still bounds the call.
                }
            });
            aborting++;
        }
        return aborting;
    }

    /** How many connections calls hold now. */
    int size() {
        return held.size();
    }
}
