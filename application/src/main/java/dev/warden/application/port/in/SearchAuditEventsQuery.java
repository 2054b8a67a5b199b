package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.audit.AuditEventFilter;

import java.util.Objects;

/** Who searches the audit log, and for what. */
public record SearchAuditEventsQuery(Caller caller, AuditEventFilter filter) {
    public SearchAuditEventsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(filter, "filter");
    }
}
