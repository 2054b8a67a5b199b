package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.logging.LogRedaction;
import dev.warden.http.observe.RequestObservation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observability through the real server on MariaDB: the Prometheus series at {@code /observe/metrics}
 * move with the requests made (per route template, authentications, token cache, pool, change feed)
 * and never hold an id or a token; every request leaves one JSON access log line whose request id is
 * the {@code X-Request-Id} answer header; a 500's error log line carries that id too.
 */
class ObservabilityEndToEndTest extends OneServerEndToEnd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER_ROUTE = "/management/v1/users/{id}";

    @Override
    protected Map<String, String> settings() {
        return Map.of("warden.db.pool.size", "7");
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndAuthenticationsAndHoldNoTokenOrId() throws Exception {
        String userId = server.machineUser("metrics-user");
        String pat = ok(api.post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
        ok(api.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}"));
        String before = scrape();

        for (int i = 0; i < 5; i++) {
            ok(api.get("/management/v1/users/" + userId, pat));
        }
        assertThat(api.get("/management/v1/users/" + userId, pat.substring(0, pat.length() - 2) + "xx").status())
                .isEqualTo(401);
        // The gauges read the adapters' counts at scrape time: a collection must not lose their readers.
        System.gc();
        String after = scrape();

        Map<String, String> ok = Map.of("method", "GET", "route", USER_ROUTE, "status", "200");
        assertThat(value(after, "warden_http_requests_seconds_count", ok)
                - value(before, "warden_http_requests_seconds_count", ok)).isEqualTo(5);
        assertThat(value(after, "warden_http_requests_seconds_bucket", Map.of("route", USER_ROUTE, "status", "200",
                "le", "10.0"))).isGreaterThanOrEqualTo(5);
        assertThat(value(after, "warden_http_requests_seconds_count",
                Map.of("route", "/management/v1/*", "status", "401"))).isGreaterThanOrEqualTo(1);
        Map<String, String> verifiedPat = Map.of("scheme", "bearer", "method", "pat", "outcome", "verified");
        assertThat(value(after, "warden_authentications_total", verifiedPat)
                - value(before, "warden_authentications_total", verifiedPat)).isGreaterThanOrEqualTo(5);
        Map<String, String> rejected = Map.of("scheme", "bearer", "method", "none", "outcome", "rejected");
        assertThat(value(after, "warden_authentications_total", rejected)
                - value(before, "warden_authentications_total", rejected)).isEqualTo(1);
        // The first call verified the PAT (a miss), the next four found it cached.
        Map<String, String> credentials = Map.of("cache", "credentials");
        assertThat(value(after, "warden_token_cache_hits_total", credentials)
                - value(before, "warden_token_cache_hits_total", credentials)).isGreaterThanOrEqualTo(4);
        assertThat(value(after, "warden_token_cache_misses_total", credentials)
                - value(before, "warden_token_cache_misses_total", credentials)).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "warden_token_cache_size", credentials)).isGreaterThanOrEqualTo(2);
        assertThat(value(after, "warden_token_cache_hit_ratio", credentials)).isBetween(0.01, 1.0);
        assertThat(value(after, "warden_db_pool_max", Map.of())).isEqualTo(7);
        assertThat(value(after, "warden_db_pool_total", Map.of())).isBetween(1.0, 7.0);
        assertThat(value(after, "warden_argon2_queue_depth", Map.of())).isZero();
        assertThat(value(after, "warden_argon2_shed_total", Map.of())).isZero();
        // Polled every 250 ms; a generous bound on this shared machine.
        assertThat(value(after, "warden_change_feed_lag_seconds", Map.of())).isBetween(0.0, 10.0);

        // Quantiles come from the buckets (in Prometheus): no client-side percentiles on the request path.
        assertThat(after).doesNotContain("quantile=");
        // No label holds an id or any part of a token: route templates, methods and outcomes only.
        assertThat(after).doesNotContain(userId);
        for (String token : List.of(pat, admin)) {
            for (int i = 0; i + 8 <= token.length(); i += 4) {
                assertThat(after).as("a piece of a token in the metrics").doesNotContain(token.substring(i, i + 8));
            }
        }
    }

    @Test
    void everyRequestLeavesOneJsonAccessLineWithTheRequestIdOfItsAnswer() throws Exception {
        String userId = server.machineUser("logged-user");
        try (AccessLog log = new AccessLog()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(
                            uri("/management/v1/users/" + userId + "?secret=hunter2hunter2&x=1"))
                    .header("Authorization", "Bearer " + admin).GET());
            assertThat(answer.statusCode()).isEqualTo(200);
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).matches("[0-9a-f]{16}");
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/management/v1/orgs/me"))
                    .header("Authorization", "Bearer wdn_pat_notavalidtokenatall").GET());
            assertThat(refused.statusCode()).isEqualTo(401);
            String refusedId = refused.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(refusedId).isNotEqualTo(id);

            JsonNode line = log.line(id);
            assertThat(line.get("method").asText()).isEqualTo("GET");
            assertThat(line.get("route").asText()).isEqualTo(USER_ROUTE);
            assertThat(line.get("path").asText()).isEqualTo("/management/v1/users/" + userId);
            assertThat(line.get("status").asInt()).isEqualTo(200);
            assertThat(line.get("durationMs").asDouble()).isPositive();
            assertThat(line.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(line.get("authMethod").asText()).isEqualTo("pat");
            assertThat(line.get("authOutcome").asText()).isEqualTo("verified");
            assertThat(java.time.Instant.parse(line.get("time").asText())).isNotNull();
            JsonNode refusedLine = log.line(refusedId);
            assertThat(refusedLine.get("status").asInt()).isEqualTo(401);
            assertThat(refusedLine.get("authOutcome").asText()).isEqualTo("rejected");

            String all = String.join("\n", log.lines);
            assertThat(all).doesNotContain("hunter2", "secret=", admin, "wdn_pat_notavalid", "Bearer");
            // The redaction net under the real handlers leaves an access line as it is: nothing in it looks secret.
            for (String text : log.lines) {
                assertThat(LogRedaction.redact(text)).isEqualTo(text);
            }
        }
    }

    @Test
    void aServerErrorIsLoggedWithTheRequestIdOfItsAnswer() throws Exception {
        try (LogCapture logs = new LogCapture(); Connection db = server.database.connect();
             Statement sql = db.createStatement()) {
            sql.execute("RENAME TABLE audit_events TO audit_events_away");
            HttpResponse<String> answer;
            try {
                answer = send(HttpRequest.newBuilder(uri("/admin/v1/events/_search"))
                        .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofString("{}")));
            } finally {
                sql.execute("RENAME TABLE audit_events_away TO audit_events");
            }
            assertThat(answer.statusCode()).isEqualTo(500);
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(answer.body()).contains("correlation id " + id);
            assertThat(logs.all()).contains("Unexpected error, correlation id " + id + " on POST /admin/v1/events/_search");
        }
    }

    private String scrape() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/observe/metrics")).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The value of the one series of {@code name} that has at least these labels; 0 when there is none. */
    static double value(String scrape, String name, Map<String, String> labels) {
        List<Double> found = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$").matcher(scrape);
        while (line.find()) {
            String set = line.group(1) == null ? "" : line.group(1);
            if (labels.entrySet().stream().allMatch(l -> set.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                found.add(Double.parseDouble(line.group(2)));
            }
        }
        assertThat(found.size()).as("series %s%s in%n%s", name, labels, scrape).isLessThanOrEqualTo(1);
        return found.isEmpty() ? 0 : found.getFirst();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.warden.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access log's lines while open, as the handler of the access logger receives them. */
    private static final class AccessLog extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger(RequestObservation.ACCESS_LOGGER);

        AccessLog() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        /** The one line of the request with this id, parsed. */
        JsonNode line(String requestId) throws Exception {
            List<JsonNode> matching = new ArrayList<>();
            for (String text : lines) {
                JsonNode json = JSON.readTree(text);
                if (json.get("requestId").asText().equals(requestId)) {
                    matching.add(json);
                }
            }
            assertThat(matching).as("access lines of %s in %s", requestId, lines).hasSize(1);
            return matching.getFirst();
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
