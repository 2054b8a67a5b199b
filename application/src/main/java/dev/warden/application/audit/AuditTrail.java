package dev.warden.application.audit;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.out.AuditEventRepository;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.domain.id.IdGenerator;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records security events for the services. An event is written after the change it reports has
 * committed; if the write fails the change stands (answering an error would tell the client that
 * nothing happened) and the loss is logged at SEVERE with the event's ids.
 */
public final class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    private final AuditEventRepository events;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditTrail(AuditEventRepository events, IdGenerator ids, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private AuditTrail() {
        this.events = null;
        this.ids = null;
        this.clock = null;
    }

    /** A trail that records nothing: for tests of services that do not look at the audit log. */
    public static AuditTrail none() {
        return new AuditTrail();
    }

    /** An event done by {@code caller} in {@code orgId} about a user and one of its things. */
    public void record(AuditEventType type, Caller caller, long orgId, long subjectUserId, String targetId,
                       String detail) {
        if (events != null) {
            record(type, caller.principal().userId(), orgId, subjectUserId, targetId, caller.clientAddress(), detail,
                    clock.instant());
        }
    }

    /** An event without an authenticated caller, or at a given time. */
    public void record(AuditEventType type, long actorUserId, long orgId, long subjectUserId, String targetId,
                       String clientAddress, String detail, Instant at) {
        if (events == null) {
            return;
        }
        try {
            events.append(new AuditEvent(ids.nextId(), at, type, actorUserId, orgId, subjectUserId, targetId,
                    clientAddress, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit event lost: " + type.wireName() + " by user " + actorUserId + " on user "
                    + subjectUserId + " target " + targetId + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The trail's clock now (the epoch for a trail that records nothing). */
    public Instant now() {
        return clock == null ? Instant.EPOCH : clock.instant();
    }
}
