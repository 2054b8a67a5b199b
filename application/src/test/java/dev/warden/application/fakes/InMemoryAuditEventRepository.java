package dev.warden.application.fakes;

import dev.warden.application.port.out.AuditEventRepository;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit log in memory; {@link #failing} makes every append fail, as a database outage would. */
public final class InMemoryAuditEventRepository implements AuditEventRepository {

    private final List<AuditEvent> events = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized void append(AuditEvent event) {
        if (failing) {
            throw new IllegalStateException("audit log unavailable");
        }
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> search(AuditEventFilter filter) {
        Comparator<AuditEvent> byId = Comparator.comparingLong(AuditEvent::id);
        return events.stream().filter(filter::matches)
                .sorted(filter.ascending() ? byId : byId.reversed())
                .limit(filter.limit())
                .toList();
    }

    @Override
    public synchronized int purge(Instant before) {
        int size = events.size();
        events.removeIf(e -> e.occurredAt().isBefore(before));
        return size - events.size();
    }

    /** Every stored event, in the order written. */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }

    public synchronized void failing(boolean failing) {
        this.failing = failing;
    }
}
