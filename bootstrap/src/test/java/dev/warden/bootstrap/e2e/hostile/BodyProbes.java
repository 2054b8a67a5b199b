package dev.warden.bootstrap.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Malformed JSON bodies on every route that reads one, sent by the admin (so nothing but the body
 * stands between the request and a write): broken syntax, other top-level types, invalid UTF-8,
 * deep nesting, bodies over the configured limit, and each field of a well-shaped body replaced
 * by a value of the wrong type. Every one is a 400 (413 over the limit) and writes nothing; a
 * search may instead ignore what it cannot use (200), as it writes nothing either way.
 */
final class BodyProbes {

    static final String FAMILY = "JSON body";
    /** The body limit the server runs with (the default of {@code warden.http.max.payload.bytes}). */
    static final int LIMIT = 1_048_576;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyProbes() {
    }

    /** A malformed body: its name and bytes. */
    private record Malformed(String name, byte[] bytes) {
        Malformed(String name, String text) {
            this(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Probe> probes(HostileServer server) {
        List<Probe> probes = new ArrayList<>();
        List<Malformed> generic = generic();
        for (Routes route : Routes.ALL) {
            if (!route.readsBody()) {
                continue;
            }
            String path = route.path(server.ids);
            Integer[] refused = route.template().endsWith("_search") ? new Integer[] {200, 400} : new Integer[] {400};
            for (Malformed malformed : generic) {
                probes.add(Probe.management(FAMILY, route + ": " + malformed.name(),
                        RawHttp.Request.of(route.method(), path).bearer(server.admin).json(malformed.bytes()), 400));
            }
            for (Malformed malformed : wrongTypes(route.body(server.ids))) {
                probes.add(Probe.management(FAMILY, route + ": " + malformed.name(),
                        RawHttp.Request.of(route.method(), path).bearer(server.admin).json(malformed.bytes()), refused));
            }
            byte[] oversized = padded(route.body(server.ids), LIMIT + 1);
            probes.add(Probe.management(FAMILY, route + ": one byte over the limit",
                    RawHttp.Request.of(route.method(), path).bearer(server.admin).json(oversized), 413));
            probes.add(Probe.management(FAMILY, route + ": one byte over the limit, chunked",
                    RawHttp.Request.of(route.method(), path).bearer(server.admin).json(oversized).inChunks(), 413));
            if (route.template().endsWith("_search")) {
                for (Malformed query : searchQueries()) {
                    probes.add(Probe.management(FAMILY, route + ": " + query.name(),
                            RawHttp.Request.of(route.method(), path).bearer(server.admin).json(query.bytes()), 200, 400));
                }
                // Unknown fields are ignored, as by ZITADEL's gateway: the search still works.
                probes.add(Probe.management(FAMILY, route + ": unknown fields",
                        RawHttp.Request.of(route.method(), path).bearer(server.admin)
                                .json(withField(route.body(server.ids), "zzUnknown", "{\"deep\":[1,{\"x\":null}]}")), 200));
            }
        }
        byte[] tenMegabytes = padded("{\"userName\":\"huge\",\"name\":\"Huge\"}", 10_000_000);
        probes.add(Probe.management(FAMILY, "10 MB body", RawHttp.Request.of("POST", Routes.M + "/users/machine")
                .bearer(server.admin).json(tenMegabytes), 413));
        probes.add(Probe.management(FAMILY, "10 MB body, chunked", RawHttp.Request.of("POST", Routes.M
                + "/users/machine").bearer(server.admin).json(tenMegabytes).inChunks(), 413));
        probes.add(Probe.management(FAMILY, "20 MB declared, none sent", RawHttp.Request.of("POST", Routes.M
                + "/users/machine").bearer(server.admin).header("Content-Type", "application/json")
                .header("Content-Length", "20000000"), 413));
        return probes;
    }

    private static List<Malformed> generic() {
        return List.of(
                new Malformed("truncated object", "{\"name\":"),
                new Malformed("truncated string", "{\"name\":\"abc"),
                new Malformed("trailing comma", "{\"name\":\"x\",}"),
                new Malformed("unquoted name", "{name:\"x\"}"),
                new Malformed("single quotes", "{'name':'x'}"),
                new Malformed("an array", "[]"),
                new Malformed("a string", "\"text\""),
                new Malformed("a number", "42"),
                new Malformed("a boolean", "true"),
                new Malformed("two objects", "{}{}"),
                new Malformed("trailing garbage", "{} x"),
                new Malformed("a duplicate key", "{\"name\":\"x\",\"name\":\"y\"}"),
                new Malformed("NaN", "{\"zz\":NaN}"),
                new Malformed("a comment", "/* c */ {}"),
                new Malformed("raw control character in a string", "{\"zz\":\"a\u0001b\"}"),
                new Malformed("100 nested objects", "{\"zz\":".repeat(100) + "1" + "}".repeat(100)),
                new Malformed("100000 nested arrays", "{\"zz\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                new Malformed("invalid UTF-8 (C3 28)", bytes("{\"zz\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}")),
                new Malformed("overlong UTF-8 (C0 AF)", bytes("{\"zz\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}")),
                new Malformed("UTF-8 of a surrogate (ED A0 80)",
                        bytes("{\"zz\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}")),
                new Malformed("byte 0xFF", bytes("{\"zz\":\"", new byte[] {(byte) 0xFF}, "\"}")),
                new Malformed("UTF-16 with a byte order mark", bytes("", new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0,
                        '}'}, "")),
                new Malformed("UTF-8 byte order mark", bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        "{}")));
    }

    /** For each top-level field of the well-shaped body: that field with values of other types. */
    private static List<Malformed> wrongTypes(String body) {
        List<Malformed> wrong = new ArrayList<>();
        JsonNode shape = parse(body);
        for (Map.Entry<String, JsonNode> field : shape.properties()) {
            JsonNode value = field.getValue();
            List<String> others;
            if (value.isTextual()) {
                others = List.of("12", "true", "{\"x\":1}", "[\"x\"]", "\"\\ud800\"", "\"x\\udc00y\"");
            } else if (value.isBoolean()) {
                others = List.of("\"maybe\"", "{}", "[true]");
            } else if (value.isArray()) {
                others = List.of("\"x\"", "{\"x\":1}", "[{\"x\":1}]", "[[\"x\"]]", "[null]", "[12]");
            } else if (value.isObject()) {
                others = List.of("\"x\"", "[1]", "12");
            } else {
                others = List.of("\"abc\"", "{}", "1e400");
            }
            for (String other : others) {
                wrong.add(new Malformed(field.getKey() + " = " + other, withField(body, field.getKey(), other)));
            }
        }
        return wrong;
    }

    /** The queries of the list requests, broken in every way their fields allow. */
    private static List<Malformed> searchQueries() {
        List<Malformed> queries = new ArrayList<>();
        for (String query : List.of("[1]", "[\"x\"]", "[null]", "[[]]", "[{\"nameQuery\":1}]",
                "[{\"userNameQuery\":{\"userName\":{\"x\":1}}}]", "[{\"userNameQuery\":{\"userName\":\"x\",\"method\":{}}}]",
                "[{\"userNameQuery\":{\"userName\":\"x\",\"method\":99}}]",
                "[{\"nameQuery\":{\"name\":\"x\",\"method\":-1}}]", "[{\"stateQuery\":{\"state\":[]}}]",
                "[{\"stateQuery\":\"x\"}]", "[{\"idQuery\":{\"id\":\"x\"}}]", "[{\"userIdQuery\":{\"userId\":[1]}}]",
                "[{\"projectIdQuery\":{\"projectId\":{}}}]", "[{\"keyQuery\":{\"key\":null}}]", "{\"x\":1}")) {
            queries.add(new Malformed("queries = " + query, "{\"queries\":" + query + "}"));
        }
        for (String page : List.of("{\"offset\":\"-1\"}", "{\"offset\":\"abc\"}", "{\"offset\":{}}",
                "{\"offset\":\"99999999999999999999999\"}", "{\"limit\":-1}", "{\"limit\":1e30}", "{\"limit\":\"ten\"}",
                "{\"asc\":\"maybe\"}", "\"x\"", "[]")) {
            queries.add(new Malformed("query = " + page, "{\"query\":" + page + "}"));
        }
        for (String sorting : List.of("{}", "99", "\"NO_SUCH_COLUMN\"", "[1]")) {
            queries.add(new Malformed("sortingColumn = " + sorting, "{\"sortingColumn\":" + sorting + "}"));
        }
        return queries;
    }

    private static String withField(String body, String name, String rawValue) {
        ObjectNode object = (ObjectNode) parse(body);
        object.remove(name);
        String rest = object.toString();
        return "{\"" + name + "\":" + rawValue + (rest.equals("{}") ? "}" : "," + rest.substring(1));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body padded with spaces inside the object to exactly {@code size} bytes (still valid JSON). */
    static byte[] padded(String body, int size) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        java.util.Arrays.fill(out, (byte) ' ');
        out[0] = '{';
        System.arraycopy(json, 1, out, size - (json.length - 1), json.length - 1);
        return out;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
