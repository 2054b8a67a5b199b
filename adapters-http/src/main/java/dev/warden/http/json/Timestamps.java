package dev.warden.http.json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** RFC 3339 UTC timestamps with 0, 3, 6 or 9 fractional digits, as protojson writes them. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
