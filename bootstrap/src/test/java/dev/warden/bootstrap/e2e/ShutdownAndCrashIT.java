package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.WardenJar.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar stopped as an operator or a crash stops it. SIGTERM: requests in flight finish,
 * the pending last-use times are written, and the process exits. {@code kill -9} in the middle of
 * concurrent writes: after a restart on the same data, every write that was answered 200 is there,
 * and no multi-row write is there in part, on the embedded H2 database and on MariaDB.
 */
class ShutdownAndCrashIT {

    private static final Logger LOG = Logger.getLogger(ShutdownAndCrashIT.class.getName());
    private static final Duration START = Duration.ofSeconds(60);
    static final int ROLES_PER_BULK = 5;
    private static final Pattern ADMIN_ID = Pattern.compile("service user '[^']+' \\((\\d+)\\)");

    @TempDir
    Path dataDir;

    @Test
    void sigtermLetsRequestsInFlightFinishWritesTheLastUseAndExits() throws Exception {
        int port = WardenJar.freePort();
        // Last use is written only by the flush at shutdown: the periodic one is an hour away.
        Map<String, String> env = Map.of("WARDEN_HTTP_PORT", Integer.toString(port),
                "WARDEN_DATA_DIR", dataDir.toString(), "WARDEN_TOKEN_USAGE_FLUSH_SECONDS", "3600");
        Running warden = WardenJar.start(dataDir, List.of(), env);
        String admin;
        String adminId;
        Instant used;
        Api.Reply inFlight;
        long exitMillis;
        try {
            warden.awaitOutput("Warden is ready", START);
            Matcher id = ADMIN_ID.matcher(warden.output());
            assertThat(id.find()).as(warden.output()).isTrue();
            adminId = id.group(1);
            admin = Files.readString(dataDir.resolve("admin.pat")).strip();
            Api api = new Api(port);
            used = Instant.now();
            assertThat(api.get("/management/v1/orgs/me", admin).status()).isEqualTo(200);

            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                String body = "{\"userName\":\"in-flight\",\"name\":\"In flight\"}";
                OutputStream out = socket.getOutputStream();
                out.write(("POST /management/v1/users/machine HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + admin + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body.substring(0, 10)).getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(500);

                long stopping = System.nanoTime();
                warden.process.destroy();
                // The request's body is still on its way when the server has begun to stop.
                awaitRefused(port);
                out.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
                out.flush();
                inFlight = parse(socket.getInputStream());
                assertThat(warden.process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
                exitMillis = (System.nanoTime() - stopping) / 1_000_000;
            }
        } finally {
            if (warden.process.isAlive()) {
                warden.process.destroyForcibly().waitFor();
            }
        }
        assertThat(inFlight.status()).as(inFlight.text()).isEqualTo(200);
        // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran to the end.
        assertThat(warden.process.exitValue()).as(warden.output()).isEqualTo(143);
        assertThat(warden.output()).doesNotContain("SEVERE").doesNotContain("Closing without recording");

        Running again = WardenJar.start(dataDir, List.of(), env);
        try {
            again.awaitOutput("Warden is ready", START);
            Api api = new Api(port);
            assertThat(api.get("/management/v1/users/" + inFlight.text("/userId"), admin).status()).isEqualTo(200);
            JsonNode pats = api.post("/management/v1/users/" + adminId + "/pats/_search", admin, "{}").at("/result");
            assertThat(pats).hasSize(1);
            assertThat(pats.get(0).has("lastUsedDate")).as(pats.toString()).isTrue();
            assertThat(Instant.parse(pats.get(0).get("lastUsedDate").asText())).isAfterOrEqualTo(
                    used.minusSeconds(1));
        } finally {
            again.stop();
        }
        LOG.info("[shutdown] SIGTERM to exit with a request in flight: " + exitMillis + " ms");
    }

    @Test
    void killMinus9MidLoadLosesNoAcknowledgedWriteOnTheEmbeddedDatabase() throws Exception {
        crashMidLoad("embedded H2", Map.of());
    }

    @Test
    void killMinus9MidLoadLosesNoAcknowledgedWriteOnMariaDb() throws Exception {
        try (TestMariaDb database = new TestMariaDb()) {
            crashMidLoad("MariaDB", Map.of("WARDEN_DB_URL", database.url(), "WARDEN_DB_USER", TestMariaDb.USER,
                    "WARDEN_DB_PASSWORD", TestMariaDb.PASSWORD));
        }
    }

    private void crashMidLoad(String engine, Map<String, String> databaseEnv) throws Exception {
        int port = WardenJar.freePort();
        Map<String, String> env = new HashMap<>(databaseEnv);
        env.put("WARDEN_HTTP_PORT", Integer.toString(port));
        env.put("WARDEN_DATA_DIR", dataDir.toString());
        Running warden = WardenJar.start(dataDir, List.of(), env);
        List<String> ackedUsers = new CopyOnWriteArrayList<>();
        Map<String, Integer> bulkAnswers = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        String admin;
        String project;
        try {
            warden.awaitOutput("Warden is ready", START);
            admin = Files.readString(dataDir.resolve("admin.pat")).strip();
            Api api = new Api(port);
            project = api.post("/management/v1/projects", admin, "{\"name\":\"crash\"}").text("/id");

            List<Thread> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; warden.process.isAlive(); i++) {
                        try {
                            if (i % 2 == 0) {
                                Api.Reply reply = api.post("/management/v1/users/machine", admin,
                                        "{\"userName\":\"w" + writer + "-" + i + "\",\"name\":\"w\"}");
                                if (reply.status() == 200) {
                                    ackedUsers.add(reply.text("/userId"));
                                    acks.incrementAndGet();
                                }
                            } else {
                                String bulk = writer + "x" + i;
                                bulkAnswers.put(bulk, -1);
                                int status = api.post("/management/v1/projects/" + project + "/roles/_bulk", admin,
                                        bulkRoles(bulk)).status();
                                bulkAnswers.put(bulk, status);
                                if (status == 200) {
                                    acks.incrementAndGet();
                                }
                            }
                        } catch (RuntimeException noAnswer) {
                            // Killed mid-call: this write's fate is unknown, and not checked.
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + START.toNanos();
            while (acks.get() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(acks.get()).as("writes answered before the kill").isGreaterThanOrEqualTo(60);
            warden.process.destroyForcibly();
            assertThat(warden.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread writer : writers) {
                writer.join(60_000);
            }
        } finally {
            if (warden.process.isAlive()) {
                warden.process.destroyForcibly().waitFor();
            }
        }

        Running again = WardenJar.start(dataDir, List.of(), env);
        try {
            again.awaitOutput("Warden is ready", START);
            Api api = new Api(port);
            int lost = 0;
            for (String userId : ackedUsers) {
                if (api.get("/management/v1/users/" + userId, admin).status() != 200) {
                    lost++;
                }
            }
            Map<String, Integer> stored = new HashMap<>();
            JsonNode roles = api.post("/management/v1/projects/" + project + "/roles/_search", admin, "{}")
                    .at("/result");
            roles.forEach(role -> stored.merge(role.get("key").asText().split("-")[0], 1, Integer::sum));
            assertThat(roles.size()).isLessThan(1000);
            long lostBulks = bulkAnswers.entrySet().stream()
                    .filter(e -> e.getValue() == 200 && stored.getOrDefault(e.getKey(), 0) != ROLES_PER_BULK)
                    .count();
            long partial = stored.values().stream().filter(n -> n != ROLES_PER_BULK).count();
            LOG.info("[crash, " + engine + "] acknowledged before kill -9: " + ackedUsers.size() + " users, "
                    + bulkAnswers.values().stream().filter(s -> s == 200).count() + " bulk role writes; lost: "
                    + (lost + lostBulks) + "; stored in part: " + partial);
            assertThat(lost).as("acknowledged users lost").isZero();
            assertThat(lostBulks).as("acknowledged bulk role writes lost").isZero();
            assertThat(partial).as("bulk role writes stored in part").isZero();
            assertThat(stored.keySet()).isSubsetOf(bulkAnswers.keySet());
        } finally {
            again.stop();
        }
    }

    /** The body of a bulk request adding {@link #ROLES_PER_BULK} roles, keyed {@code <bulk>-<n>}, in one write. */
    static String bulkRoles(String bulk) {
        StringBuilder roles = new StringBuilder();
        for (int k = 0; k < ROLES_PER_BULK; k++) {
            roles.append(k == 0 ? "" : ",").append("{\"key\":\"").append(bulk).append('-').append(k)
                    .append("\",\"displayName\":\"r\"}");
        }
        return "{\"roles\":[" + roles + "]}";
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // Try again.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server kept accepting connections after SIGTERM");
    }

    /** Reads a whole HTTP/1.1 response that ends with the connection (Connection: close). */
    private static Api.Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        return new Api.Reply(status, new com.fasterxml.jackson.databind.ObjectMapper().readTree(body), body, null);
    }
}
