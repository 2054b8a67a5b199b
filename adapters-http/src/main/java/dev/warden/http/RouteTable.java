package dev.warden.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The paths and methods the endpoints register, recorded as they register them, so that a request
 * with a served path but another method can be answered 405 with {@code Allow} (contract §9.1)
 * instead of 404. Recording at registration keeps the table true without a second list of routes.
 */
final class RouteTable {

    private final Map<String, Set<Method>> methodsByPath = new LinkedHashMap<>();
    private final Map<String, PathMatcher> matchers = new LinkedHashMap<>();

    /** The service, registering through rules that record each route under {@code prefix}. */
    HttpService recording(String prefix, HttpService service) {
        return rules -> service.routing(new RecordingRules(rules, prefix));
    }

    /** The methods served at the request's path, empty when the path is not served at all. */
    Set<Method> allowed(ServerRequest request) {
        Set<Method> allowed = new LinkedHashSet<>();
        matchers.forEach((path, matcher) -> {
            if (matcher.match(request.path()).accepted()) {
                allowed.addAll(methodsByPath.get(path));
            }
        });
        return allowed;
    }

    static String allowHeader(Set<Method> methods) {
        return methods.stream().map(Method::text).collect(Collectors.joining(", "));
    }

    static final HeaderName ALLOW = HeaderNames.ALLOW;

    private void record(String path, Method method) {
        methodsByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
        matchers.computeIfAbsent(path, PathMatchers::create);
    }

    /** Delegates everything; records the plain verb routes the endpoints use. */
    private final class RecordingRules implements HttpRules {
        private final HttpRules delegate;
        private final String prefix;

        RecordingRules(HttpRules delegate, String prefix) {
            this.delegate = delegate;
            this.prefix = prefix;
        }

        private void recorded(Method method, String path, Handler... handlers) {
            if (handlers.length != 1) {
                throw new IllegalArgumentException("one handler per route: " + method.text() + " " + path);
            }
            record(prefix + path, method);
            delegate.route(method, path, handlers[0]);
        }

        @Override
        public HttpRules get(String path, Handler... handlers) {
            recorded(Method.GET, path, handlers);
            return this;
        }

        @Override
        public HttpRules post(String path, Handler... handlers) {
            recorded(Method.POST, path, handlers);
            return this;
        }

        @Override
        public HttpRules put(String path, Handler... handlers) {
            recorded(Method.PUT, path, handlers);
            return this;
        }

        @Override
        public HttpRules delete(String path, Handler... handlers) {
            recorded(Method.DELETE, path, handlers);
            return this;
        }

        @Override
        public HttpRules register(HttpService... services) {
            delegate.register(services);
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            delegate.register(pathPattern, services);
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            delegate.route(route);
            return this;
        }
    }
}
