package dev.warden.http;

import dev.warden.application.port.in.AuditEventListResult;
import dev.warden.application.port.in.SearchAuditEventsUseCase;

import java.time.Instant;
import java.util.List;

/** An audit log search that finds nothing: for route tests that do not look at the audit log. */
public final class NoAuditEvents {

    public static final SearchAuditEventsUseCase SEARCH = query -> new AuditEventListResult(List.of(), Instant.EPOCH);

    private NoAuditEvents() {
    }
}
