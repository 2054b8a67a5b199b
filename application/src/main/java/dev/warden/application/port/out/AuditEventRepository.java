package dev.warden.application.port.out;

import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;

import java.time.Instant;
import java.util.List;

/** Driven port: the stored audit log of security events. */
public interface AuditEventRepository {

    void append(AuditEvent event);

    /** The events the filter selects, ordered by id in its direction, at most its limit. */
    List<AuditEvent> search(AuditEventFilter filter);

    /** Deletes the events older than {@code before}; returns how many. */
    int purge(Instant before);
}
