package dev.warden.persistence.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * Makes {@code ResultSet.getObject} return {@link LocalDateTime} for DATETIME columns.
 *
 * <p>Helidon's DbClient reads every column with {@code getObject(int)}, for which both MariaDB's
 * and H2's drivers build a {@link java.sql.Timestamp} in the JVM's default time zone. Warden stores
 * UTC wall-clock times, and a UTC time that falls into a daylight-saving gap of the JVM's zone
 * (e.g. 02:30 on the last Sunday of March in Europe/Berlin) does not exist there: the driver moves
 * it an hour on. Asking the driver for a {@code LocalDateTime} instead never goes through a zone.
 * Writing needs no such help: Helidon binds {@code LocalDateTime} parameters with {@code setObject}.
 */
final class LocalDateTimeReads {

    private LocalDateTimeReads() {
    }

    static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, null);
    }

    private static <T> T proxy(Class<T> type, Object target, ResultSet resultSet) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "LocalDateTimeReads[" + target + "]";
                };
            }
            if (resultSet != null && isGetObjectByColumn(method)) {
                int column = args[0] instanceof Integer index ? index : resultSet.findColumn((String) args[0]);
                if (resultSet.getMetaData().getColumnType(column) == Types.TIMESTAMP) {
                    return resultSet.getObject(column, LocalDateTime.class);
                }
            }
            Object result = invoke(method, target, args);
            return wrapResult(method.getReturnType(), result);
        };
        return type.cast(Proxy.newProxyInstance(LocalDateTimeReads.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static boolean isGetObjectByColumn(Method method) {
        return method.getName().equals("getObject") && method.getParameterCount() == 1;
    }

    private static Object wrapResult(Class<?> returnType, Object result) {
        if (result == null) {
            return null;
        }
        if (returnType == Statement.class || returnType == PreparedStatement.class
                || returnType == CallableStatement.class) {
            return proxy(returnType, result, null);
        }
        if (returnType == ResultSet.class) {
            return proxy(ResultSet.class, result, (ResultSet) result);
        }
        return result;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
