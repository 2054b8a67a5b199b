package dev.warden.http.observe;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first routing filter: gives each request an id (answered in {@code X-Request-Id}, put on the
 * request context for error logs), times it into {@value #REQUEST_TIMER} by method, route template
 * and status, and writes one JSON line per request to the access log ({@value #ACCESS_LOGGER}).
 *
 * <p>The route label is the pattern of the route that answered ({@code /management/v1/users/{userId}}),
 * never the raw path: ids and credentials cannot become label values, and the number of series is
 * bounded by the routes Warden registers. The access log's path has no query string and passes the
 * log redaction net like every other line.
 */
public final class RequestObservation {

    /** The answer header naming the request id. */
    public static final HeaderName REQUEST_ID_HEADER = HeaderNames.create("X-Request-Id");
    /** The logger of the access log: one JSON object per line, at INFO. */
    public static final String ACCESS_LOGGER = "dev.warden.access";
    /** Request durations (a histogram) by method, route and status. */
    public static final String REQUEST_TIMER = "warden.http.requests";
    /** The route label of a request that no route matched (Helidon's own 404). */
    static final String UNMATCHED = "unmatched";
    /** Route labels beyond this many distinct ones are counted as {@value #OTHER} (a guard, never reached by Warden's routes). */
    static final int MAX_ROUTES = 500;
    static final String OTHER = "other";
    private static final int MAX_PATH_CHARS = 256;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<Duration> BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private static final Logger ACCESS = Logger.getLogger(ACCESS_LOGGER);

    private final MeterRegistry registry;
    /** The client address as the trusted-proxy rules find it (given, so this package depends on no other). */
    private final Function<ServerRequest, String> clientAddress;
    /** One timer per (method, route, status), looked up without building a meter on the hot path. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
    private final Set<String> routes = ConcurrentHashMap.newKeySet();

    public RequestObservation(MeterRegistry registry, Function<ServerRequest, String> clientAddress) {
        this.registry = registry;
        this.clientAddress = clientAddress;
    }

    /** The id of this request (the filter's), or a fresh one where no filter ran (routing tests). */
    public static String requestId(ServerRequest request) {
        return request.context().get(RequestId.class, RequestId.class).map(RequestId::value)
                .orElseGet(RequestObservation::newId);
    }

    /**
     * Notes how the request authenticated, for its access log line: the method that verified it,
     * or the outcome of a refusal. Never the credential.
     */
    public static void noteAuthentication(ServerRequest request, String method, String outcome) {
        request.context().register(Authentication.class, new Authentication(method, outcome));
    }

    /** The filter; register it before every other one so that it sees every answer. */
    public Filter filter() {
        return (chain, request, response) -> {
            long start = System.nanoTime();
            String id = newId();
            request.context().register(RequestId.class, new RequestId(id));
            response.header(REQUEST_ID_HEADER, id);
            try {
                chain.proceed();
            } finally {
                finished(request, response, id, System.nanoTime() - start);
            }
        };
    }

    private void finished(ServerRequest request, ServerResponse response, String id, long nanos) {
        String method = method(request);
        String route = route(request);
        int status = response.status().code();
        Series series = new Series(method, route, status);
        Timer timer = timers.get(series);
        if (timer == null) {
            // Not inside computeIfAbsent: creating a meter takes locks of its own (see MeterCreation).
            timer = MeterCreation.serialized(() -> timer().apply(series));
            timers.putIfAbsent(series, timer);
        }
        timer.record(Duration.ofNanos(nanos));
        if (ACCESS.isLoggable(Level.INFO)) {
            ACCESS.info(accessLine(request, id, method, route, status, nanos));
        }
    }

    private Function<Series, Timer> timer() {
        return series -> registry.getOrCreate(Timer.builder(REQUEST_TIMER)
                .description("HTTP requests by method, route template and status")
                .buckets(BUCKETS.toArray(Duration[]::new))
                // No client-side percentiles (Helidon's default): they cost time on every request, and
                // Prometheus computes quantiles from the buckets across nodes.
                .percentiles(new double[0])
                .tags(List.of(Tag.create("method", series.method()), Tag.create("route", series.route()),
                        Tag.create("status", Integer.toString(series.status())))));
    }

    private String route(ServerRequest request) {
        String pattern = request.matchingPattern().orElse(UNMATCHED);
        if (routes.contains(pattern)) {
            return pattern;
        }
        if (routes.size() >= MAX_ROUTES) {
            return OTHER;
        }
        routes.add(pattern);
        return pattern;
    }

    /** A method outside the standard ones is a label value an attacker could choose: counted as one. */
    private static String method(ServerRequest request) {
        String method = request.prologue().method().text();
        return METHODS.contains(method) ? method : "OTHER";
    }

    private String accessLine(ServerRequest request, String id, String method, String route, int status,
                                     long nanos) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.now().toString()).append(',');
        field(line, "requestId", id).append(',');
        field(line, "method", method).append(',');
        field(line, "route", route).append(',');
        String path = request.prologue().uriPath().rawPath();
        field(line, "path", path.length() > MAX_PATH_CHARS ? path.substring(0, MAX_PATH_CHARS) + "…" : path)
                .append(',');
        line.append("\"status\":").append(status).append(',');
        line.append("\"durationMs\":").append(nanos / 1_000 / 1_000.0).append(',');
        field(line, "client", clientAddress.apply(request));
        request.context().get(Authentication.class, Authentication.class).ifPresent(auth -> {
            line.append(',');
            field(line, "authMethod", auth.method()).append(',');
            field(line, "authOutcome", auth.outcome());
        });
        return line.append('}').toString();
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }

    /** 16 hex digits: unique enough to find a request's lines, and no secret (it is answered and logged). */
    static String newId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    private record Series(String method, String route, int status) {
    }

    private record RequestId(String value) {
    }

    private record Authentication(String method, String outcome) {
    }
}
