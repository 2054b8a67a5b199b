package dev.warden.application.port.in;

/** Driving port: the audit log of security events, for instance owners ({@code events.read}). */
public interface SearchAuditEventsUseCase {
    AuditEventListResult searchAuditEvents(SearchAuditEventsQuery query);
}
