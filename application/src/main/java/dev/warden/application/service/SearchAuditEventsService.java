package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.AuditEventListResult;
import dev.warden.application.port.in.SearchAuditEventsQuery;
import dev.warden.application.port.in.SearchAuditEventsUseCase;
import dev.warden.application.port.out.AuditEventRepository;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.util.Objects;

/** Searches the audit log for callers holding {@code events.read}: of the default roles, only IAM_OWNER. */
public final class SearchAuditEventsService implements SearchAuditEventsUseCase {

    private final AccessControl accessControl;
    private final AuditEventRepository events;
    private final Clock clock;

    public SearchAuditEventsService(AccessControl accessControl, AuditEventRepository events, Clock clock) {
        this.accessControl = Objects.requireNonNull(accessControl, "accessControl");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditEventListResult searchAuditEvents(SearchAuditEventsQuery query) {
        accessControl.authorize(query.caller(), Permission.EVENTS_READ);
        return new AuditEventListResult(events.search(query.filter()), clock.instant());
    }
}
