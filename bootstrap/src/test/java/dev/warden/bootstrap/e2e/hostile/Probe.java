package dev.warden.bootstrap.e2e.hostile;

import java.util.Set;
import java.util.function.Consumer;

/**
 * One hostile request and the answers allowed to it: the statuses, the error body's shape (the
 * management API's or OAuth's) and any further check. Every probe also gets the checks every
 * answer must pass ({@link Verdict}).
 */
record Probe(String family, String name, RawHttp.Request request, Set<Integer> statuses, Shape shape,
             Consumer<RawHttp.Answer> more) {

    /** The shape of an error body. */
    enum Shape {
        /** {@code {"code":N,"message":"...","details":[...]}} (google.rpc.Status as protojson). */
        MANAGEMENT,
        /** {@code {"error":"...","error_description":"..."}} (RFC 6749 §5.2). */
        OAUTH,
        /** Either: for paths whose final route depends on how the server normalises them. */
        EITHER
    }

    Probe {
        // Test names end up in XML reports: no control characters in them.
        StringBuilder shown = new StringBuilder();
        name.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        name = shown.toString();
        if (statuses.isEmpty() || statuses.stream().anyMatch(s -> s >= 500)) {
            throw new IllegalArgumentException("a probe allows some statuses, and never a 5xx: " + name);
        }
    }

    static Probe management(String family, String name, RawHttp.Request request, Integer... statuses) {
        return new Probe(family, name, request, Set.of(statuses), Shape.MANAGEMENT, answer -> { });
    }

    static Probe oauth(String family, String name, RawHttp.Request request, Integer... statuses) {
        return new Probe(family, name, request, Set.of(statuses), Shape.OAUTH, answer -> { });
    }

    static Probe either(String family, String name, RawHttp.Request request, Integer... statuses) {
        return new Probe(family, name, request, Set.of(statuses), Shape.EITHER, answer -> { });
    }

    /** This probe with a further check of the answer. */
    Probe and(Consumer<RawHttp.Answer> check) {
        return new Probe(family, name, request, statuses, shape, more.andThen(check));
    }

    @Override
    public String toString() {
        return family + ": " + name;
    }
}
