package dev.warden.bootstrap.e2e.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL-injection-shaped, regular-expression-shaped, LIKE-wildcard and Unicode-confusable strings
 * as names, search texts, path ids and the organisation header. Each is stored literally (read
 * back exactly, after the documented trimming of names) or refused with a 4xx, and a search for
 * it matches only rows that really hold it: no wildcard, case folding or collation widens it.
 */
final class InjectionProbes {

    static final String FAMILY = "injection and confusables";
    /** Non-ASCII as escapes: an unpaired surrogate then travels as {@code \\uD800}, not as a replaced byte. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** The strings tried; each is used as a user name, a project name, a search text, a path id and an org header. */
    static final List<String> STRINGS = List.of(
            "' OR '1'='1", "\" OR \"\"=\"", "'; DROP TABLE users; --", "1; SELECT SLEEP(5)", "admin'--",
            "') OR 1=1 #", "1 UNION SELECT secret_hash FROM personal_access_tokens", "%", "_", "%%", "a%", "_a", "\\",
            "\\%", "\\_", ".*", "^", "$", "[a-z]+", "(?i)HOSTILE", "a|b|hostile", "\\Ahostile", "(a+)+$",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "../../etc/passwd", "a\u0000b", "\u0000",
            "WARDEN-ADMIN", "Hostile-Target", "warden-admin\u200b", "\uff57\uff41\uff52\uff44\uff45\uff4e-admin",
            "w\u0430rden-admin", "warden\u2010admin", "hostile-target\u00a0", "\u01c5", "\ud83d\udd11-bot",
            "\u202egnp.exe", "\u0130stanbul", "stra\u00dfe", "e\u0301", "\ud800", "x\udc00y", "x".repeat(200),
            "x".repeat(201), "\u0085nel", "NULL", "null", "0", "-1", "9223372036854775808");

    private InjectionProbes() {
    }

    /** Runs every probe for one string through {@code exchange} (which checks and counts each). */
    static void run(String text, HostileServer server, Function<Probe, RawHttp.Answer> exchange) {
        String name = printable(text);
        String quoted = quote(text);
        String stored = text.strip();

        RawHttp.Answer created = exchange.apply(Probe.management(FAMILY, "user named " + name,
                RawHttp.Request.of("POST", Routes.M + "/users/machine").bearer(server.admin)
                        .json("{\"userName\":" + quoted + ",\"name\":" + quoted + ",\"description\":" + quoted + "}"),
                200, 400, 409));
        String userId = created.status() == 200 ? HostileServer.json(created).at("/userId").asText() : null;
        if (userId != null) {
            exchange.apply(Probe.management(FAMILY, "user named " + name + " read back",
                    RawHttp.Request.of("GET", Routes.M + "/users/" + userId).bearer(server.admin), 200)
                    .and(answer -> {
                        JsonNode user = HostileServer.json(answer).at("/user");
                        assertThat(user.at("/userName").asText()).as("stored literally").isEqualTo(stored);
                        assertThat(user.at("/machine/name").asText()).as("stored literally").isEqualTo(stored);
                    }));
        }
        search(server, exchange, name, text, "TEXT_QUERY_METHOD_EQUALS", String::equals, userId, stored.equals(text));
        search(server, exchange, name, text, "TEXT_QUERY_METHOD_CONTAINS", String::contains, userId,
                stored.contains(text));
        search(server, exchange, name, text, "TEXT_QUERY_METHOD_STARTS_WITH", String::startsWith, userId,
                stored.startsWith(text));
        search(server, exchange, name, text, "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE",
                (stored1, query) -> stored1.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)), null,
                false);
        exchange.apply(Probe.management(FAMILY, "path id " + name,
                RawHttp.Request.of("GET", Routes.M + "/users/" + pathSegment(text)).bearer(server.admin), 400, 404));
        if (text.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !text.isBlank()) {
            exchange.apply(Probe.management(FAMILY, "org header " + name, RawHttp.Request.of("GET", Routes.M + "/orgs/me")
                    .bearer(server.admin).header("x-zitadel-orgid", RawHttp.utf8(text)), 400, 403));
        }
        RawHttp.Answer project = exchange.apply(Probe.management(FAMILY, "project named " + name,
                RawHttp.Request.of("POST", Routes.M + "/projects").bearer(server.admin).json("{\"name\":" + quoted + "}"),
                200, 400, 409));
        if (project.status() == 200) {
            String projectId = HostileServer.json(project).at("/id").asText();
            exchange.apply(Probe.management(FAMILY, "project named " + name + " read back",
                    RawHttp.Request.of("GET", Routes.M + "/projects/" + projectId).bearer(server.admin), 200)
                    .and(answer -> assertThat(HostileServer.json(answer).at("/project/name").asText())
                            .as("stored literally").isIn(text, stored)));
        }
        exchange.apply(Probe.management(FAMILY, "org search for " + name,
                RawHttp.Request.of("POST", Routes.A + "/orgs/_search").bearer(server.admin).json(
                        "{\"queries\":[{\"nameQuery\":{\"name\":" + quoted + ",\"method\":\"TEXT_QUERY_METHOD_CONTAINS\"}}]}"),
                200, 400).and(answer -> {
                    if (answer.status() == 200) {
                        HostileServer.json(answer).at("/result").forEach(org -> assertThat(org.at("/name").asText())
                                .as("an org matched by %s", name).contains(text));
                    }
                }));
    }

    /** A search by user name: every result holds the text as the method says; the created user is found. */
    private static void search(HostileServer server, Function<Probe, RawHttp.Answer> exchange, String name, String text,
                               String method, BiPredicate<String, String> holds, String createdId, boolean mustFind) {
        String body = "{\"queries\":[{\"userNameQuery\":{\"userName\":" + quote(text) + ",\"method\":\"" + method
                + "\"}}]}";
        exchange.apply(Probe.management(FAMILY, method.substring("TEXT_QUERY_METHOD_".length()) + " search for " + name,
                RawHttp.Request.of("POST", Routes.M + "/users/_search").bearer(server.admin).json(body), 200, 400)
                .and(answer -> {
                    if (answer.status() != 200) {
                        return;
                    }
                    List<String> ids = new ArrayList<>();
                    for (JsonNode user : HostileServer.json(answer).at("/result")) {
                        ids.add(user.at("/id").asText());
                        assertThat(holds.test(user.at("/userName").asText(), text))
                                .as("%s matched %s by %s", name, user.at("/userName").asText(), method).isTrue();
                    }
                    if (createdId != null && mustFind) {
                        assertThat(ids).as("the user named %s found by %s", name, method).contains(createdId);
                    }
                }));
    }

    /** Spellings of a real id that a lax parser would read as that id: each must find nothing. */
    static List<Probe> idVariants(HostileServer server) {
        String id = server.ids.get("user");
        StringBuilder fullWidth = new StringBuilder();
        StringBuilder arabic = new StringBuilder();
        id.chars().forEach(c -> {
            fullWidth.append((char) ('\uff10' + c - '0'));
            arabic.append((char) ('\u0660' + c - '0'));
        });
        List<Probe> probes = new ArrayList<>();
        for (String variant : List.of("0" + id, "+" + id, "-" + id, id + "%20", "%20" + id, id + "%00", id + ".0",
                id + "e0", "0x" + Long.toHexString(Long.parseLong(id)), pathSegment(fullWidth.toString()),
                pathSegment(arabic.toString()), id + "%0A", id + "'", id + "%27%20OR%20%271%27=%271", id + "--",
                "9223372036854775808", "-9223372036854775808", "0", "99999999999999999999999999")) {
            probes.add(Probe.management(FAMILY, "user id spelled " + variant,
                    RawHttp.Request.of("GET", Routes.M + "/users/" + variant).bearer(server.admin), 400, 404));
            probes.add(Probe.management(FAMILY, "org header spelled " + variant,
                    RawHttp.Request.of("GET", Routes.M + "/orgs/me").bearer(server.admin)
                            .header("x-zitadel-orgid", variant.replace(id, server.ids.get("org"))), 400, 403));
        }
        return probes;
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The string as a test name: escapes for what a report would not show. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder("\"");
        String cut = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate((char) c)
                || c == 0x200b || c == 0x202e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
