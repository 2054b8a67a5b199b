package dev.warden.persistence.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/** A JDK proxy of a {@link Connection} that passes every call through one interceptor. */
final class ConnectionProxy {

    /** The call being intercepted; {@link #proceed} makes it on the wrapped connection. */
    interface Call {
        Method method();

        /** The call's arguments; null for none. */
        Object[] args();

        Object proceed() throws Throwable;
    }

    /** Decides what happens around a call: usually something, then {@code call.proceed()}. */
    @FunctionalInterface
    interface Interceptor {
        Object intercept(Call call) throws Throwable;
    }

    private ConnectionProxy() {
    }

    /** {@code equals}, {@code hashCode} and {@code toString} stay the proxy's own. */
    static Connection wrap(Connection target, String label, Interceptor interceptor) {
        return (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> label + "[" + target + "]";
                        };
                    }
                    return interceptor.intercept(new Call() {
                        @Override
                        public Method method() {
                            return method;
                        }

                        @Override
                        public Object[] args() {
                            return args;
                        }

                        @Override
                        public Object proceed() throws Throwable {
                            try {
                                return method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
                });
    }

    /** Whether the call is {@code close()}. */
    static boolean isClose(Method method) {
        return method.getName().equals("close") && method.getParameterCount() == 0;
    }
}
