package dev.warden.persistence.db;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Makes a write on the embedded H2 database reach its file before the write is answered.
 *
 * <p>H2's MVStore keeps committed changes in memory and writes them to its file in the background,
 * about once a second: a process killed within that second ({@code kill -9}, an out-of-memory
 * kill) loses writes that were already answered 200. So a connection that prepared a write runs
 * {@code CHECKPOINT} when it is handed back, which Helidon's DbClient does right after a statement
 * outside a transaction; a transaction's commit runs it at once. The repository, and so the answer,
 * comes after. {@code CHECKPOINT} writes to the file without forcing it to the disk:
 * a process crash loses nothing, a crash of the whole machine may lose the last writes (MariaDB is
 * the database for that).
 */
final class EmbeddedDurability {

    private EmbeddedDurability() {
    }

    static Connection wrap(Connection connection) {
        boolean[] wrote = {false};
        return ConnectionProxy.wrap(connection, "EmbeddedDurability", call -> {
            Method method = call.method();
            if (ConnectionProxy.isClose(method) && wrote[0] && !connection.isClosed() && connection.getAutoCommit()) {
                // A statement outside a transaction: it is committed already.
                wrote[0] = false;
                checkpoint(connection);
            }
            if (isPrepare(method) && call.args() != null && call.args()[0] instanceof String sql && isWrite(sql)) {
                wrote[0] = true;
            }
            Object result = call.proceed();
            if (method.getName().equals("commit") && method.getParameterCount() == 0 && wrote[0]) {
                wrote[0] = false;
                checkpoint(connection);
            }
            return result;
        });
    }

    private static boolean isPrepare(Method method) {
        return method.getName().equals("prepareStatement") || method.getName().equals("prepareCall");
    }

    private static boolean isWrite(String sql) {
        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
        return !(start.startsWith("SELECT") || start.startsWith("WITH") || start.startsWith("VALUES"));
    }

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }
}
