package dev.warden.bootstrap.e2e.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Malformed {@code Authorization} headers on every protected route, built around the valid admin
 * token: a refusal proves that the strict parser (security decision 1) lets no real token through
 * malformed framing. Framing errors the HTTP layer catches (control bytes, a 16 KiB header) may be
 * a 400; everything else is a 401 with a challenge. The Bearer scheme itself is case-insensitive.
 */
final class AuthorizationProbes {

    static final String FAMILY = "Authorization header";

    private AuthorizationProbes() {
    }

    /** A way to spoil the header, given the valid token, and the statuses allowed for it. */
    private record Malformed(String name, UnaryOperator<RawHttp.Request> spoil, Set<Integer> statuses) {
    }

    static List<Probe> probes(HostileServer server) {
        String t = server.admin;
        List<Probe> probes = new ArrayList<>();
        List<Malformed> core = core(t);
        List<Malformed> more = more(t);
        for (Routes route : Routes.ALL) {
            for (Malformed malformed : core) {
                probes.add(management(server, route, malformed));
            }
        }
        for (Routes route : List.of(Routes.find("GET", Routes.M + "/orgs/me"),
                Routes.find("POST", Routes.M + "/users/machine"), Routes.find("DELETE", Routes.M + "/users/{user}"),
                Routes.find("POST", Routes.A + "/signing_keys/_rotate"))) {
            for (Malformed malformed : more) {
                probes.add(management(server, route, malformed));
            }
        }
        // Userinfo reads the same header with the same parser, and answers in OAuth's shape.
        for (Malformed malformed : concat(core, more)) {
            RawHttp.Request request = malformed.spoil().apply(RawHttp.Request.of("GET", "/oidc/v1/userinfo"));
            // A token in the query is refused as such there: 400 invalid_request.
            Set<Integer> statuses = new java.util.HashSet<>(malformed.statuses());
            statuses.add(400);
            probes.add(new Probe(FAMILY, "GET /oidc/v1/userinfo: " + malformed.name(), request, statuses,
                    Probe.Shape.OAUTH, answer -> { }));
        }
        // The scheme is matched case-insensitively, and so is the header's name (RFC 9110).
        for (String header : List.of("bearer " + t, "BEARER " + t, "bEaReR " + t)) {
            probes.add(Probe.management(FAMILY, "accepted: " + header.substring(0, 6) + " scheme",
                    RawHttp.Request.of("GET", Routes.M + "/orgs/me").header("Authorization", header), 200));
        }
        probes.add(Probe.management(FAMILY, "accepted: lower-case header name",
                RawHttp.Request.of("GET", Routes.M + "/orgs/me").header("authorization", "Bearer " + t), 200));
        return probes;
    }

    private static Probe management(HostileServer server, Routes route, Malformed malformed) {
        RawHttp.Request request = RawHttp.Request.of(route.method(), route.path(server.ids));
        if (route.readsBody()) {
            request = request.json(route.body(server.ids));
        }
        return new Probe(FAMILY, route + ": " + malformed.name(), malformed.spoil().apply(request),
                malformed.statuses(), Probe.Shape.MANAGEMENT, answer -> { });
    }

    private static List<Malformed> core(String t) {
        Set<Integer> refused = Set.of(401);
        Set<Integer> framing = Set.of(400, 401);
        return List.of(
                new Malformed("no header", r -> r, refused),
                new Malformed("empty value", r -> r.headerLine("Authorization:"), refused),
                new Malformed("scheme only", header("Bearer"), refused),
                new Malformed("two spaces", header("Bearer  " + t), refused),
                new Malformed("tab for the space", header("Bearer\t" + t), framing),
                new Malformed("no space", header("Bearer" + t), refused),
                new Malformed("Basic scheme", header("Basic " + t), refused),
                new Malformed("a second word", header("Bearer " + t + " x"), refused),
                new Malformed("two headers", r -> r.header("Authorization", "Bearer " + t)
                        .header("Authorization", "Bearer " + t), refused),
                new Malformed("control byte", header("Bearer " + t + "\u0001"), framing),
                new Malformed("non-ASCII bytes", header("Bearer " + t + RawHttp.utf8("é")), framing),
                new Malformed("16 KiB token", header("Bearer " + "A".repeat(16384)), Set.of(400, 431)));
    }

    private static List<Malformed> more(String t) {
        Set<Integer> refused = Set.of(401);
        Set<Integer> framing = Set.of(400, 401);
        int middle = t.length() / 2;
        char changed = t.charAt(middle) == 'A' ? 'B' : 'A';
        return List.of(
                new Malformed("one character changed", header("Bearer " + t.substring(0, middle) + changed
                        + t.substring(middle + 1)), refused),
                new Malformed("last character dropped", header("Bearer " + t.substring(0, t.length() - 1)), refused),
                new Malformed("one character added", header("Bearer " + t + "A"), refused),
                new Malformed("padding added", header("Bearer " + t + "=="), refused),
                new Malformed("upper-cased token", header("Bearer " + t.toUpperCase()), refused),
                new Malformed("quoted token", header("Bearer \"" + t + "\""), refused),
                new Malformed("trailing semicolon", header("Bearer " + t + ";"), refused),
                new Malformed("two credentials, comma-joined", header("Bearer " + t + ", Bearer " + t), refused),
                new Malformed("token68 of 8000 bytes", header("Bearer " + "A".repeat(8000)), refused),
                new Malformed("token68 over the parser's 8 KiB", header("Bearer " + "A".repeat(8200)), refused),
                new Malformed("NUL byte", header("Bearer " + t + "\u0000"), framing),
                new Malformed("DEL byte", header("Bearer " + t + "\u007f"), framing),
                new Malformed("byte 0xFF", header("Bearer " + t + "\u00ff"), framing),
                new Malformed("Cyrillic a in the token", header("Bearer " + RawHttp.utf8(t.replaceFirst("a", "\u0430")
                        .replaceFirst("e", "\u0435"))), framing),
                new Malformed("no-break space separator", header(RawHttp.utf8("Bearer\u00a0") + t), framing),
                new Malformed("full-width scheme", header(RawHttp.utf8("\uff22earer ") + t), framing),
                new Malformed("obsolete line folding", r -> r.headerLine("Authorization: Bearer\r\n " + t), framing),
                new Malformed("space before the colon", r -> r.headerLine("Authorization : Bearer " + t), framing),
                new Malformed("token in the query", r -> new RawHttp.Request(r.method(), r.target()
                        + "?access_token=" + t, r.headers(), r.body(), r.chunked()), refused),
                new Malformed("token in another header", r -> r.header("X-Authorization", "Bearer " + t), refused),
                new Malformed("token as a cookie", r -> r.header("Cookie", "access_token=" + t), refused));
    }

    private static UnaryOperator<RawHttp.Request> header(String value) {
        return r -> r.header("Authorization", value);
    }

    private static List<Malformed> concat(List<Malformed> a, List<Malformed> b) {
        List<Malformed> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
