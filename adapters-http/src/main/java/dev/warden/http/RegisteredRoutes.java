package dev.warden.http;

import io.helidon.common.Weighted;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Every route the server registers, recorded as it is registered: through the routing builder,
 * the services registered on it (with their path prefixes) and the features that set routes up
 * later (Helidon's observe endpoints). The OpenAPI test compares this list with the document, so
 * the list is what the server serves, not a second hand-kept list.
 *
 * <p>The builder and the rules are wrapped in a {@link Proxy}: Helidon's interfaces have dozens of
 * overloads that all end in a few methods, and a proxy sends the default ones through those few
 * ({@link InvocationHandler#invokeDefault}), so no overload can slip past unrecorded. A route whose
 * method and path cannot be read (a bare {@code HttpRoute}) is recorded as unreadable, for the test
 * to refuse. Only registration passes through here; requests never do.
 */
public final class RegisteredRoutes {

    /** A registered route; {@code method} is {@code ANY} for a route on every method. */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static final String ANY = "ANY";

    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "head", "options", "trace",
            "patch");

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();

    /** The builder, recording every route registered through it (or later through its features). */
    public HttpRouting.Builder recording(HttpRouting.Builder routing) {
        return proxy(HttpRouting.Builder.class, routing, "");
    }

    /** The routes in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Registrations whose method or path could not be read; empty when every route is in {@link #routes()}. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    private <T extends HttpRules> T proxy(Class<T> type, T delegate, String prefix) {
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            if (handled(method.getName(), method.getParameterTypes(), args, delegate, prefix)) {
                // Recorded: the delegate's own method registers it, without passing here again.
                result = invoke(method, delegate, args);
            } else if (method.isDefault()) {
                // Through the proxy again, so the overload ends in a method handled above.
                return InvocationHandler.invokeDefault(proxy, method, args);
            } else if (method.getName().equals("register") || method.getName().equals("addFeature")) {
                result = invoke(method, delegate, wrapped(method.getParameterTypes(), args, prefix));
            } else {
                result = invoke(method, delegate, args);
            }
            return result == delegate ? self[0] : result;
        };
        T proxy = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        self[0] = proxy;
        return proxy;
    }

    /** Records a route the call registers; true when it did, so the delegate registers it as called. */
    private boolean handled(String name, Class<?>[] types, Object[] args, HttpRules delegate, String prefix) {
        int n = types.length;
        boolean verb = VERBS.contains(name);
        if ((verb || name.equals("any")) && n == 2 && types[0] == String.class) {
            record(verb ? name.toUpperCase(Locale.ROOT) : ANY, join(prefix, (String) args[0]));
        } else if ((verb || name.equals("any")) && n == 1) {
            // No path: every path under the prefix.
            record(verb ? name.toUpperCase(Locale.ROOT) : ANY, join(prefix, "/*"));
        } else if (name.equals("route") && n == 3 && types[0] == Method.class && types[1] == String.class) {
            record(((Method) args[0]).text(), join(prefix, (String) args[1]));
        } else if (name.equals("route") && n == 2 && types[0] == Method.class) {
            record(((Method) args[0]).text(), join(prefix, "/*"));
        } else if (name.equals("route") && (n == 3 || n == 1 && !Supplier.class.isAssignableFrom(types[0]))) {
            unreadable.add("a route with a method predicate, path matcher or hand-built route under '"
                    + prefix + "'");
            return true;
        } else if (name.startsWith("registerLocator")) {
            unreadable.add("a service locator under '" + prefix + "'");
            return true;
        } else {
            return false;
        }
        return true;
    }

    /** The arguments of a registration, with each service or feature set to record what it registers. */
    private Object[] wrapped(Class<?>[] types, Object[] args, String prefix) {
        Object[] wrapped = args.clone();
        if (types.length == 1 && types[0] == HttpService[].class) {
            wrapped[0] = recorded(prefix, (HttpService[]) args[0]);
        } else if (types.length == 2 && types[0] == String.class && types[1] == HttpService[].class) {
            wrapped[1] = recorded(join(prefix, (String) args[0]), (HttpService[]) args[1]);
        } else if (types.length == 1 && types[0] == Supplier.class) {
            // A feature is its own supplier; the wrapper keeps its weight, so the order of features holds.
            wrapped[0] = new RecordedFeature((HttpFeature) ((Supplier<?>) args[0]).get());
        } else {
            unreadable.add("a registration of " + List.of(types) + " under '" + prefix + "'");
        }
        return wrapped;
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void record(String method, String path) {
        routes.add(new Route(method, path));
    }

    private HttpService[] recorded(String prefix, HttpService[] services) {
        HttpService[] wrapped = new HttpService[services.length];
        for (int i = 0; i < services.length; i++) {
            wrapped[i] = recorded(prefix, services[i]);
        }
        return wrapped;
    }

    /** The service, registering its routes through recording rules; everything else (its lifecycle) its own. */
    private HttpService recorded(String prefix, HttpService service) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("routing") && args != null && args.length == 1
                    && args[0] instanceof HttpRules rules) {
                service.routing(proxy(HttpRules.class, rules, prefix));
                return null;
            }
            return invoke(method, service, args);
        };
        return (HttpService) Proxy.newProxyInstance(HttpService.class.getClassLoader(),
                new Class<?>[] {HttpService.class}, handler);
    }

    /** {@code /a} + {@code /b} = {@code /a/b}; a service's {@code /} (or empty) path is its prefix itself. */
    static String join(String prefix, String path) {
        if (path.isEmpty() || path.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        String tail = path.startsWith("/") ? path : "/" + path;
        return prefix.endsWith("/") ? prefix + tail.substring(1) : prefix + tail;
    }

    /** A feature that sets up its routes through a recording builder; weight, socket and lifecycle its own. */
    private final class RecordedFeature implements HttpFeature, Weighted {
        private final HttpFeature feature;

        RecordedFeature(HttpFeature feature) {
            this.feature = feature;
        }

        @Override
        public void setup(HttpRouting.Builder routing) {
            feature.setup(recording(routing));
        }

        @Override
        public double weight() {
            return feature instanceof Weighted weighted ? weighted.weight() : Weighted.DEFAULT_WEIGHT;
        }

        @Override
        public String socket() {
            return feature.socket();
        }

        @Override
        public boolean socketRequired() {
            return feature.socketRequired();
        }

        @Override
        public void beforeStart() {
            feature.beforeStart();
        }

        @Override
        public void afterStart(WebServer webServer) {
            feature.afterStart(webServer);
        }

        @Override
        public void afterStop() {
            feature.afterStop();
        }
    }
}
