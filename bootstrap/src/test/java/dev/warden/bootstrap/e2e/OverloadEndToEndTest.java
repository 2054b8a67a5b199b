package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload through the real server on MariaDB: an argon2 flood — far more concurrent clients than
 * the hashing pool (1 thread, 2 waiting) takes, each with a distinct wrong secret from a distinct
 * address behind the trusted proxy, so neither the limiter nor any memory spares a hash — while an
 * administrator keeps calling the management API. Every flood answer is 401 or a 503 with {@code
 * Retry-After} (or a 429 once the guessed login name is held back; no other 5xx), the administrator is served throughout, and once the flood stops a
 * credential that needs a fresh hash is accepted at once: Warden recovers by itself. Latencies are
 * logged, not asserted (see docs/reliability.md for measured figures).
 */
class OverloadEndToEndTest extends OneServerEndToEnd {

    private static final Logger LOG = Logger.getLogger(OverloadEndToEndTest.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLOOD_CLIENTS = 64;
    private static final int REQUESTS_PER_CLIENT = 8;

    @Override
    protected Map<String, String> settings() {
        return Map.of("warden.hash.threads", "1", "warden.hash.queue", "2",
                "warden.http.trusted.proxies", "127.0.0.1");
    }

    @Test
    void anArgon2FloodIsShedWith503WhileTheAdminIsServedAndWardenRecoversByItself() throws Exception {
        server.machineUser("flood-victim");
        String userId = server.machineUser("after-flood");
        List<Long> baseline = adminCalls(40, new AtomicBoolean(true));

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> refusedBodies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> duringFlood;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> flood = new ArrayList<>();
            for (int client = 0; client < FLOOD_CLIENTS; client++) {
                flood.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        HttpResponse<String> answer = clients.clientCredentials(randomAddress(),
                                i % 2 == 0 ? "flood-victim" : "nobody-" + UUID.randomUUID(), UUID.randomUUID().toString());
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() != 401) {
                            refusedBodies.add(answer.headers().firstValue("Retry-After").orElse("none") + " "
                                    + answer.body());
                        }
                    }
                }));
            }
            Future<List<Long>> adminDuringFlood = pool.submit(() -> adminCalls(Integer.MAX_VALUE, flooding));
            for (Future<?> client : flood) {
                client.get();
            }
            flooding.set(false);
            duringFlood = adminDuringFlood.get();
        }

        // 429: the victim's login name, guessed far more than 20 times, is held back by the limiter.
        assertThat(statuses.keySet()).as("flood answers %s", statuses).isSubsetOf(401, 429, 503);
        for (String refused : refusedBodies) {
            assertThat(refused).matches("[1-9][0-9]* \\{.*");
            assertThat(JSON.readTree(refused.substring(refused.indexOf(' ') + 1)).at("/error").asText())
                    .isEqualTo("temporarily_unavailable");
        }
        // The metrics saw the shedding: each 503 of the flood is a hash refused by the argon2 pool.
        String metrics = scrapeMetrics();
        int shedAnswers = statuses.getOrDefault(503, new AtomicInteger()).get();
        assertThat(ObservabilityEndToEndTest.value(metrics, "warden_argon2_shed_total", Map.of()))
                .as("shed count, %d answers 503", shedAnswers).isGreaterThanOrEqualTo(shedAnswers);
        assertThat(ObservabilityEndToEndTest.value(metrics, "warden_authentications_total",
                Map.of("scheme", "client_secret", "outcome", "unavailable"))).isGreaterThanOrEqualTo(shedAnswers);
        assertThat(ObservabilityEndToEndTest.value(metrics, "warden_argon2_queue_depth", Map.of())).isZero();
        // Recovery: a secret nobody has verified yet needs a fresh hash, and gets it at once.
        String secret = ok(api.put("/management/v1/users/" + userId + "/secret", admin, "{}")).text("/clientSecret");
        assertThat(clients.clientCredentials("192.0.2.1", "after-flood", secret).statusCode()).isEqualTo(200);
        String pat = ok(api.post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
        assertThat(clients.bearer("192.0.2.1", pat).statusCode()).as("fresh PAT, authenticated").isNotIn(401, 429, 503);
        LOG.info(String.format("[overload] flood of %d clients x %d: %s; admin calls during the flood: %d,"
                        + " median %.2f ms (baseline %.2f ms)", FLOOD_CLIENTS, REQUESTS_PER_CLIENT, statuses,
                duringFlood.size(), WardenOnMariaDb.medianMillis(duringFlood), WardenOnMariaDb.medianMillis(baseline)));
    }

    private String scrapeMetrics() {
        HttpResponse<String> scrape = ClientRequests.send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(clients.uri("/observe/metrics")).build());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    /** Admin calls until {@code count} are done or {@code going} turns false; each must succeed. Returns latencies. */
    private List<Long> adminCalls(int count, AtomicBoolean going) {
        List<Long> took = new ArrayList<>();
        while (took.size() < count && going.get()) {
            long start = System.nanoTime();
            Api.Reply reply = api.get("/management/v1/orgs/me", admin);
            took.add(System.nanoTime() - start);
            assertThat(reply.status()).as("admin call %d: %s", took.size(), reply.text()).isEqualTo(200);
        }
        return took;
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
