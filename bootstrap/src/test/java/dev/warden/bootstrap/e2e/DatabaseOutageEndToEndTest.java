package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warden on a MariaDB server of the test's own, which the test freezes (SIGSTOP, as a dropped
 * network looks), then kills (SIGKILL) and restarts, while clients keep writing: single-row
 * writes (machine users) and multi-row ones (five project roles in one bulk request).
 *
 * <p>While the database is away, every call that needs it is answered 503 with {@code Retry-After}
 * and the API's error body, readiness is down, and liveness ({@code /management/v1/healthz}) stays
 * up; cached authentication fails closed once the change feed could not be read for the stale
 * bound. When the database is back Warden serves writes again without a restart. Afterwards every
 * write that was answered 200 is there, and no bulk request is there in part. The background jobs
 * log once per outage. Times are measured and reported, not asserted: the machine is shared.
 */
class DatabaseOutageEndToEndTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageEndToEndTest.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int ROLES_PER_BULK = ShutdownAndCrashIT.ROLES_PER_BULK;
    private static final Pattern BULK_KEY = Pattern.compile("b(\\d+)-\\d+");

    @TempDir
    Path dir;

    /** One client call: when it started and ended (nanoTime), and how it was answered (-1: no answer). */
    private record Outcome(long started, long ended, int status, String retryAfter, String body) {
    }

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<String> ackedUsers = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> bulkAnswers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger warningsOrWorse = new AtomicInteger();
    private int port;
    private String tokenForm;

    @Test
    void failsFastWhileTheDatabaseIsAwayRecoversWithoutRestartAndLosesNoAcknowledgedWrite() throws Exception {
        Handler warnings = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warningsOrWorse.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(warnings);
        try (PrivateMariaDb mariaDb = PrivateMariaDb.start(dir.resolve("mariadb"), "warden");
             LogCapture logs = new LogCapture()) {
            Wiring warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                    "warden.http.port", "0", "warden.http.host", "127.0.0.1",
                    "warden.data.dir", dir.resolve("data").toString(), "warden.db.url", mariaDb.url("warden"),
                    "warden.db.user", mariaDb.user(), "warden.db.password", "")))));
            try {
                Api api = new Api(warden.port());
                String admin = Files.readString(dir.resolve("data").resolve("admin.pat")).strip();
                String project = ok(api.post("/management/v1/projects", admin, "{\"name\":\"outage\"}")).text("/id");
                String botId = ok(api.post("/management/v1/users/machine", admin,
                        "{\"userName\":\"oauth-bot\",\"name\":\"bot\"}")).text("/userId");
                String botSecret = ok(api.put("/management/v1/users/" + botId + "/secret", admin, "{}"))
                        .text("/clientSecret");
                port = warden.port();
                tokenForm = "grant_type=client_credentials&scope=openid+urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3A"
                        + project + "%3Aaud";
                HttpResponse<String> token = form("/oauth/v2/token", "oauth-bot", botSecret, tokenForm);
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                String accessToken = new ObjectMapper().readTree(token.body()).get("access_token").asText();
                Api.Reply app = ok(api.post("/management/v1/projects/" + project + "/apps/api", admin,
                        "{\"name\":\"rs\"}"));
                String[] introspector = {app.text("/clientId"), app.text("/clientSecret")};
                HttpResponse<String> introspection = form("/oauth/v2/introspect", introspector[0], introspector[1],
                        "token=" + accessToken);
                assertThat(introspection.body()).contains("\"active\":true");

                List<Thread> clients = List.of(
                        Thread.ofPlatform().name("writes-users").start(() -> writeUsers(api, admin)),
                        Thread.ofPlatform().name("writes-bulk").start(() -> writeBulkRoles(api, admin, project)));
                awaitTrue("writes before the outage", () -> ackedUsers.size() >= 5 && acked() >= 3);

                // --- Outage 1: the server freezes; connections stay open but nothing answers. ---
                long frozen = System.nanoTime();
                mariaDb.freeze();
                long readinessDown = awaitTrue("readiness down", () -> status(api, "/observe/health/ready") == 503);
                long first503 = awaitFirst503After(frozen);
                assertOutageAnswers(api, admin, botSecret, introspector, accessToken, frozen);
                Thread.sleep(1000);
                assertThat(outcomes.stream().filter(o -> o.started() > first503).map(Outcome::status).distinct())
                        .as("every write while the database is frozen").containsOnly(503);
                long thawed = System.nanoTime();
                mariaDb.thaw();
                long recoveredFromFreeze = awaitWriteStartedAfter(thawed);
                awaitTrue("readiness up", () -> status(api, "/observe/health/ready") == 200);

                // --- Outage 2: the server is killed mid-work and restarted; InnoDB recovers. ---
                long killed = System.nanoTime();
                mariaDb.kill();
                long first503AfterKill = awaitFirst503After(killed);
                awaitTrue("readiness down", () -> status(api, "/observe/health/ready") == 503);
                Thread.sleep(1000);
                long restarting = System.nanoTime();
                mariaDb.launch();
                long answering = System.nanoTime();
                long recoveredFromKill = awaitWriteStartedAfter(answering);
                awaitTrue("readiness up", () -> status(api, "/observe/health/ready") == 200);

                running.set(false);
                for (Thread client : clients) {
                    client.join(PATIENCE.toMillis());
                }

                // Nothing but 200 and 503 (with Retry-After and the management API's error body).
                assertThat(outcomes).allSatisfy(o -> {
                    assertThat(o.status()).as(o.body()).isIn(200, 503);
                    if (o.status() == 503) {
                        assertThat(o.retryAfter()).isEqualTo("1");
                        assertThat(o.body()).contains("\"code\":14").contains("Database unavailable");
                    }
                });
                int lostUsers = 0;
                for (String userId : ackedUsers) {
                    if (api.get("/management/v1/users/" + userId, admin).status() != 200) {
                        lostUsers++;
                    }
                }
                Map<Integer, Integer> stored = storedRolesPerBulk(mariaDb);
                long lostBulks = bulkAnswers.entrySet().stream()
                        .filter(e -> e.getValue() == 200 && stored.getOrDefault(e.getKey(), 0) != ROLES_PER_BULK)
                        .count();
                long partialBulks = stored.values().stream().filter(n -> n != ROLES_PER_BULK).count();
                assertThat(lostUsers).as("acknowledged users lost").isZero();
                assertThat(lostBulks).as("acknowledged bulk role writes lost").isZero();
                assertThat(partialBulks).as("bulk role writes stored in part").isZero();
                assertThat(stored.keySet()).as("only attempted writes are stored").isSubsetOf(bulkAnswers.keySet());

                // The follower's first good poll may come a poll interval after the writes are served again.
                awaitTrue("the change feed followed again",
                        () -> count(logs.all(), "Following the change feed works again")
                                == count(logs.all(), "Following the change feed failed:"));
                String log = logs.all();
                assertThat(count(log, "Database unreachable (")).as("outages logged").isEqualTo(2);
                assertThat(count(log, "Database reachable again")).isEqualTo(2);
                // Once per run of failures: at most once per outage (once for both, if no poll fell between them).
                assertThat(count(log, "Following the change feed failed:")).as("change feed: once per outage")
                        .isBetween(1, 2);
                assertThat(count(log, "Recording token use failed,")).isLessThanOrEqualTo(2);
                assertThat(warningsOrWorse.get()).as("log lines at WARNING or above: bounded, not one per call")
                        .isLessThan(60);
                long answered503 = outcomes.stream().filter(o -> o.status() == 503).count();

                report("freeze: first 503 after", first503 - frozen);
                List<Long> refusals = outcomes.stream()
                        .filter(o -> o.status() == 503 && o.started() > first503 && o.ended() < thawed)
                        .map(o -> o.ended() - o.started()).sorted().toList();
                if (!refusals.isEmpty()) {
                    report("freeze: a write sent once the outage was noticed is refused (median of "
                            + refusals.size() + ") in", refusals.get(refusals.size() / 2));
                }
                report("freeze: readiness down after", readinessDown - frozen);
                report("freeze: first write served after the thaw", recoveredFromFreeze - thawed);
                report("kill: first 503 after", first503AfterKill - killed);
                report("kill: mariadbd restart took", answering - restarting);
                report("kill: first write served after mariadbd answered", recoveredFromKill - answering);
                LOG.info("[outage] acknowledged: " + ackedUsers.size() + " users, " + acked()
                        + " bulk role writes; lost: " + (lostUsers + lostBulks) + "; stored in part: " + partialBulks
                        + "; answered 503: " + answered503 + "; log lines at WARNING or above: " + warningsOrWorse.get());
            } finally {
                running.set(false);
                warden.close();
            }
        } finally {
            Logger.getLogger("").removeHandler(warnings);
        }
    }

    /**
     * While the database is away: liveness up, OAuth's error shape at the token endpoint, and cached
     * authentication fails closed, on the management API and at introspection.
     */
    private void assertOutageAnswers(Api api, String admin, String botSecret, String[] introspector,
                                     String accessToken, long since) throws Exception {
        assertThat(api.get("/management/v1/healthz", null).status()).isEqualTo(200);
        assertOAuth503(form("/oauth/v2/token", "oauth-bot", botSecret, tokenForm));
        long closed = awaitTrue("cached authentication refused",
                () -> api.get("/management/v1/orgs/me", admin).status() == 503);
        awaitTrue("cached introspection refused", () -> uncheckedForm("/oauth/v2/introspect", introspector[0],
                introspector[1], "token=" + accessToken).statusCode() == 503);
        assertOAuth503(form("/oauth/v2/introspect", introspector[0], introspector[1], "token=" + accessToken));
        Api.Reply refused = api.get("/management/v1/orgs/me", admin);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.raw().headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.text("/code")).isEqualTo("14");
        report("freeze: cached authentication refused (fails closed) after", closed - since);
    }

    private void writeUsers(Api api, String admin) {
        for (int i = 0; running.get(); i++) {
            Outcome outcome = call(() -> api.post("/management/v1/users/machine", admin,
                    "{\"userName\":\"u" + System.nanoTime() + "\",\"name\":\"u\"}"));
            if (outcome.status() == 200) {
                Matcher id = Pattern.compile("\"userId\":\"(\\d+)\"").matcher(outcome.body());
                assertThat(id.find()).isTrue();
                ackedUsers.add(id.group(1));
            }
            pace(outcome);
        }
    }

    private void writeBulkRoles(Api api, String admin, String project) {
        for (int i = 0; running.get(); i++) {
            String body = ShutdownAndCrashIT.bulkRoles("b" + i);
            Outcome outcome = call(() -> api.post("/management/v1/projects/" + project + "/roles/_bulk", admin, body));
            bulkAnswers.put(i, outcome.status());
            pace(outcome);
        }
    }

    private Outcome call(java.util.function.Supplier<Api.Reply> request) {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            Api.Reply reply = request.get();
            outcome = new Outcome(started, System.nanoTime(), reply.status(),
                    reply.raw().headers().firstValue("Retry-After").orElse(null), reply.text());
        } catch (RuntimeException e) {
            outcome = new Outcome(started, System.nanoTime(), -1, null, String.valueOf(e));
        }
        outcomes.add(outcome);
        return outcome;
    }

    /** A 503 is answered at once: a client honouring Retry-After would wait; these wait a little. */
    private static void pace(Outcome outcome) {
        try {
            Thread.sleep(outcome.status() == 200 ? 5 : 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long acked() {
        return bulkAnswers.values().stream().filter(s -> s == 200).count();
    }

    private long awaitFirst503After(long since) throws InterruptedException {
        awaitTrue("a 503", () -> first(since, 503).isPresent());
        return first(since, 503).orElseThrow().ended();
    }

    private long awaitWriteStartedAfter(long since) throws InterruptedException {
        awaitTrue("a write served", () -> first(since, 200).isPresent());
        return first(since, 200).orElseThrow().ended();
    }

    private Optional<Outcome> first(long startedAfter, int status) {
        return outcomes.stream().filter(o -> o.started() >= startedAfter && o.status() == status).findFirst();
    }

    /** Waits for the condition, failing after {@link #PATIENCE}; returns when it held (nanoTime). */
    private static long awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " within " + PATIENCE);
    }

    private static int status(Api api, String path) {
        try {
            return api.get(path, null).status();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void assertOAuth503(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("\"error\":\"temporarily_unavailable\"");
    }

    /** A form POST to an OAuth endpoint with HTTP Basic client authentication. */
    private HttpResponse<String> form(String path, String client, String secret, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> uncheckedForm(String path, String client, String secret, String body) {
        try {
            return form(path, client, secret, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bulk request number → how many of its roles are stored. */
    private static Map<Integer, Integer> storedRolesPerBulk(PrivateMariaDb mariaDb) throws Exception {
        Map<Integer, Integer> stored = new HashMap<>();
        try (Connection connection = mariaDb.connect("warden"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT role_key FROM project_roles")) {
            while (rows.next()) {
                Matcher key = BULK_KEY.matcher(rows.getString(1));
                assertThat(key.matches()).isTrue();
                stored.merge(Integer.parseInt(key.group(1)), 1, Integer::sum);
            }
        }
        return stored;
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static void report(String what, long nanos) {
        LOG.info("[outage] " + what + " " + nanos / 1_000_000 + " ms");
    }
}
