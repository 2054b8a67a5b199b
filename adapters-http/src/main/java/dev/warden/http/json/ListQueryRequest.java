package dev.warden.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.domain.query.PageRequest;

/**
 * ZITADEL's {@code ListQuery}: {@code offset} (uint64, string or number), {@code limit} (uint32)
 * and {@code asc}. A missing or zero limit, or one above {@link #MAX_LIMIT}, means
 * {@link #MAX_LIMIT}: Warden never answers an unbounded list.
 */
public record ListQueryRequest(JsonNode offset, Long limit, Boolean asc) {

    public static final int MAX_LIMIT = 1000;

    /** protojson accepts an int64 as a JSON string or number; anything else is not an offset. */
    private static long uint64(JsonNode value) {
        if (value.isTextual() || value.isIntegralNumber() && value.canConvertToLong()) {
            return Long.parseLong(value.asText());
        }
        throw new NumberFormatException("not an integer");
    }

    public static PageRequest toPageRequest(ListQueryRequest query, String requestName) {
        if (query == null) {
            return new PageRequest(0, MAX_LIMIT, false);
        }
        long offset;
        try {
            offset = query.offset == null || query.offset.isNull() || query.offset.asText().isEmpty() ? 0
                    : uint64(query.offset);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(null, "invalid " + requestName + ".Query.Offset: not an unsigned integer");
        }
        if (offset < 0) {
            throw new InvalidArgumentException(null, "invalid " + requestName + ".Query.Offset: must not be negative");
        }
        long limit = query.limit == null ? 0 : query.limit;
        if (limit < 0 || limit > 0xFFFF_FFFFL) {
            throw new InvalidArgumentException(null, "invalid " + requestName + ".Query.Limit: not an unsigned 32-bit integer");
        }
        int capped = limit == 0 || limit > MAX_LIMIT ? MAX_LIMIT : (int) limit;
        return new PageRequest(offset, capped, Boolean.TRUE.equals(query.asc));
    }
}
