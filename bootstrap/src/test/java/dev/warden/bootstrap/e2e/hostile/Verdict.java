package dev.warden.bootstrap.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The checks every answer to a hostile request must pass, and the tally of all answers: below
 * 500, one of the allowed statuses, JSON of the API's error shape, the security headers, no
 * trace of the server's internals, a challenge on every 401 and {@code Allow} on every 405.
 */
final class Verdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that only a leak of internals would put in a body: class names, stack frames, SQL, drivers. */
    private static final List<String> INTERNALS = List.of("Exception", "dev.warden", "\tat ", "\\tat ", "java.",
            "javax.", "jdk.", "io.helidon", "com.fasterxml", "org.mariadb", "com.zaxxer", "org.h2", "nimbus",
            "Caused by", ".java:", "NullPointer");
    /** SQL and database words: checked in error bodies (a stored name may hold them, and is read back). */
    private static final List<String> SQL = List.of("SQL", "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM",
            "REGEXP", "syntax", "MariaDB", "Duplicate entry", "constraint");

    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final Set<String> PUBLIC_DOCUMENTS = Set.of("/oauth/v2/keys", "/.well-known/openid-configuration");

    private static final AtomicInteger PROBES = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger LEAKS = new AtomicInteger();
    private static final Map<Integer, Integer> STATUSES = new TreeMap<>();
    private static final Map<String, Integer> FAMILIES = new TreeMap<>();

    private Verdict() {
    }

    /** Checks the answer to the probe; counts it first, so that a failing probe is counted too. */
    static void check(Probe probe, RawHttp.Answer answer) {
        tally(probe, answer);
        String where = probe + " [" + probe.request() + "] answered " + answer.status() + " "
                + abbreviated(answer.text()) + " " + answer.headers();
        assertThat(answer.status()).as("an answer below 500 to %s", where).isBetween(100, 499);
        assertThat(probe.statuses()).as("allowed statuses of %s", where).contains(answer.status());
        checkHeaders(probe, answer, where);
        assertNoInternals(answer, where);
        if (!probe.request().method().equals("HEAD")) {
            JsonNode body = json(answer, where);
            if (answer.status() >= 400) {
                checkErrorShape(probe.shape(), body, where);
            }
        }
        if (answer.status() == 401) {
            assertThat(answer.header("WWW-Authenticate")).as("a challenge on the 401 of %s", where).isPresent();
        }
        if (answer.status() == 405) {
            assertThat(answer.header("Allow")).as("Allow on the 405 of %s", where)
                    .hasValueSatisfying(allow -> assertThat(allow).isNotBlank().doesNotContain("TRACE"));
        }
        probe.more().accept(answer);
    }

    private static synchronized void tally(Probe probe, RawHttp.Answer answer) {
        PROBES.incrementAndGet();
        if (answer.status() >= 500 || answer.status() < 0) {
            SERVER_ERRORS.incrementAndGet();
        }
        if (leaks(answer)) {
            LEAKS.incrementAndGet();
        }
        STATUSES.merge(answer.status(), 1, Integer::sum);
        FAMILIES.merge(probe.family(), 1, Integer::sum);
    }

    private static void checkHeaders(Probe probe, RawHttp.Answer answer, String where) {
        SECURITY_HEADERS.forEach((name, value) ->
                assertThat(answer.header(name)).as("%s on %s", name, where).hasValue(value));
        String path = probe.request().target().split("\\?", 2)[0];
        if (answer.status() == 200 && PUBLIC_DOCUMENTS.contains(path)) {
            assertThat(answer.header("Cache-Control")).as(where).hasValue("max-age=300, must-revalidate");
            assertThat(answer.header("Pragma")).as(where).isEmpty();
        } else {
            assertThat(answer.all("Cache-Control")).as("no-store on %s", where).containsExactly("no-store");
            assertThat(answer.header("Pragma")).as(where).hasValue("no-cache");
        }
        assertThat(answer.all("Server")).as("no Server header naming a version: %s", where)
                .noneMatch(server -> server.matches(".*\\d.*"));
    }

    static void assertNoInternals(RawHttp.Answer answer, String where) {
        String text = answer.text();
        for (String marker : INTERNALS) {
            assertThat(text).as("no internals (%s) in %s", marker, where).doesNotContain(marker);
        }
        if (answer.status() >= 400) {
            for (String marker : SQL) {
                assertThat(text).as("no SQL (%s) in %s", marker, where).doesNotContainIgnoringCase(marker);
            }
        }
    }

    private static boolean leaks(RawHttp.Answer answer) {
        String text = answer.text();
        return INTERNALS.stream().anyMatch(text::contains)
                || answer.status() >= 400 && SQL.stream().anyMatch(m -> text.toLowerCase().contains(m.toLowerCase()));
    }

    private static JsonNode json(RawHttp.Answer answer, String where) {
        assertThat(answer.header("Content-Type")).as("JSON content type of %s", where)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        try {
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body).as("a JSON body in %s", where).isNotNull();
            assertThat(body.isObject()).as("a JSON object in %s", where).isTrue();
            return body;
        } catch (IOException e) {
            return fail("not JSON: " + where, e);
        }
    }

    private static void checkErrorShape(Probe.Shape shape, JsonNode body, String where) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        Probe.Shape actual = shape == Probe.Shape.EITHER
                ? (fields.contains("error") ? Probe.Shape.OAUTH : Probe.Shape.MANAGEMENT) : shape;
        switch (actual) {
            case EITHER -> throw new IllegalStateException();
            case MANAGEMENT -> {
                assertThat(fields).as("fields of %s", where).contains("code", "message")
                        .isSubsetOf("code", "message", "details");
                assertThat(body.get("code").isInt()).as("code is a number in %s", where).isTrue();
                assertThat(body.get("message").asText()).as("message of %s", where).isNotBlank();
            }
            case OAUTH -> {
                assertThat(fields).as("fields of %s", where).contains("error")
                        .isSubsetOf("error", "error_description");
                assertThat(body.get("error").asText()).as("error of %s", where).matches("[a-z_]+");
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** The tally so far, for the log and docs/security.md. */
    static synchronized String report() {
        return PROBES.get() + " probes; answers >= 500 or none: " + SERVER_ERRORS.get() + "; bodies with internals: "
                + LEAKS.get() + "; statuses " + STATUSES + "; probes per family " + FAMILIES;
    }

    static int probes() {
        return PROBES.get();
    }

    static int serverErrors() {
        return SERVER_ERRORS.get();
    }

    static int leaks() {
        return LEAKS.get();
    }
}
