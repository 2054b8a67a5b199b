package dev.warden.http.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.SearchAuditEventsQuery;
import dev.warden.domain.audit.AuditEventFilter;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.domain.id.Ids;
import dev.warden.http.json.WireValues;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ZITADEL's {@code ListEventsRequest} as far as Warden's audit log answers it: {@code sequence}
 * (continue after this event), {@code limit} (default 100, at most 1000), {@code asc},
 * {@code editorUserId} (the actor), {@code eventTypes}, {@code aggregateId} (the user the event is
 * about), {@code resourceOwner} (the organization) and {@code range} ({@code since} inclusive,
 * {@code until} exclusive, RFC 3339).
 */
public record ListEventsRequest(JsonNode sequence, JsonNode limit, Boolean asc, String editorUserId,
                                List<String> eventTypes, String aggregateId, String resourceOwner,
                                RangeRequest range) {

    static final String NAME = "ListEventsRequest";
    /** The end of time for a range without {@code until}: the largest DATETIME both databases store. */
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    /** The time range of a search. */
    public record RangeRequest(String since, String until) {
    }

    SearchAuditEventsQuery toQuery(Caller caller) {
        Instant since = Optional.ofNullable(range).map(r -> WireValues.timestamp(r.since(), "Range.Since", NAME))
                .orElse(Instant.EPOCH);
        Instant until = Optional.ofNullable(range).map(r -> WireValues.timestamp(r.until(), "Range.Until", NAME))
                .orElse(END);
        if (since.isBefore(Instant.EPOCH) || until.isAfter(END) || !since.isBefore(until)) {
            throw new InvalidArgumentException(null, "invalid " + NAME + ".Range: since must be before until, "
                    + "both between 1970 and 9999");
        }
        long limitValue = number(limit, "Limit");
        if (limitValue > AuditEventFilter.MAX_LIMIT) {
            throw new InvalidArgumentException(null, "invalid " + NAME + ".Limit: value must be at most "
                    + AuditEventFilter.MAX_LIMIT);
        }
        return new SearchAuditEventsQuery(caller, new AuditEventFilter(types(), id(editorUserId, "EditorUserId"),
                id(aggregateId, "AggregateId"), id(resourceOwner, "ResourceOwner"), since, until,
                number(sequence, "Sequence"), Boolean.TRUE.equals(asc),
                limitValue == 0 ? AuditEventFilter.DEFAULT_LIMIT : (int) limitValue));
    }

    private Set<AuditEventType> types() {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String name : eventTypes == null ? List.<String>of() : eventTypes) {
            types.add(AuditEventType.fromWireName(name == null ? "" : name).orElseThrow(() ->
                    new InvalidArgumentException(null, "invalid " + NAME + ".EventTypes: unknown event type")));
        }
        return types;
    }

    /** An id filter: absent or empty means any (0). */
    private static long id(String value, String field) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        return Ids.parse(value).orElseThrow(() ->
                new InvalidArgumentException(null, "invalid " + NAME + "." + field + ": not an id"));
    }

    /** A uint64 sent as a number or as a string (protojson accepts both); absent means 0. */
    private static long number(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return 0;
        }
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText() : "x";
        try {
            long parsed = Long.parseLong(text);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidArgumentException(null, "invalid " + NAME + "." + field + ": value must be a "
                + "non-negative integer");
    }
}
