package dev.warden.application.port.in;

import dev.warden.domain.audit.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One page of audit events in the requested order, and when it was read. */
public record AuditEventListResult(List<AuditEvent> events, Instant processedAt) {
    public AuditEventListResult {
        events = List.copyOf(events);
        Objects.requireNonNull(processedAt, "processedAt");
    }
}
