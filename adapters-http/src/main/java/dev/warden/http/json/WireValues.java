package dev.warden.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parsing of protojson scalar values from request bodies: timestamps and enums. */
public final class WireValues {
    private WireValues() {
    }

    /** An RFC 3339 timestamp ({@code Z} or an offset), or null when absent or empty. */
    public static Instant timestamp(String text, String field, String requestName) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(null, "invalid " + requestName + "." + field
                    + ": not an RFC 3339 timestamp");
        }
    }

    /**
     * The index of an enum value sent as its name or its number (protojson accepts both); absent
     * means 0, the proto default.
     */
    public static int enumIndex(JsonNode value, List<String> names, String field, String requestName) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isTextual() && names.contains(value.asText())) {
            return names.indexOf(value.asText());
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0 && value.asInt() < names.size()) {
            return value.asInt();
        }
        throw new InvalidArgumentException(null, "invalid " + requestName + "." + field + ": value must be one of "
                + String.join(", ", names));
    }
}
