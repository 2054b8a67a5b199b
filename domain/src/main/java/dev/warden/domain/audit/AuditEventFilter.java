package dev.warden.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which events a search returns, in which order, and how many: events after the cursor
 * {@code afterSequence} (0: from the start) in the chosen direction, in {@code [since, until)}.
 *
 * @param types         empty: every type
 * @param actorUserId   0: any actor
 * @param subjectUserId 0: any subject
 * @param orgId         0: any organization
 */
public record AuditEventFilter(Set<AuditEventType> types, long actorUserId, long subjectUserId, long orgId,
                               Instant since, Instant until, long afterSequence, boolean ascending, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditEventFilter {
        types = Set.copyOf(types);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (actorUserId < 0 || subjectUserId < 0 || orgId < 0 || afterSequence < 0) {
            throw new IllegalArgumentException("ids must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }

    /** True when {@code event} passes every condition except the cursor and the limit. */
    public boolean matches(AuditEvent event) {
        return (types.isEmpty() || types.contains(event.type()))
                && (actorUserId == 0 || event.actorUserId() == actorUserId)
                && (subjectUserId == 0 || event.subjectUserId() == subjectUserId)
                && (orgId == 0 || event.orgId() == orgId)
                && !event.occurredAt().isBefore(since) && event.occurredAt().isBefore(until)
                && (afterSequence == 0 || (ascending ? event.id() > afterSequence : event.id() < afterSequence));
    }
}
