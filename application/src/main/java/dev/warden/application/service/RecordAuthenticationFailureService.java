package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.port.in.AuthenticationFailureCommand;
import dev.warden.application.port.in.RecordAuthenticationFailureUseCase;
import dev.warden.domain.audit.AuditEventType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coalesces failed authentications into audit events: one event per credential id (or, when the
 * credential named none, per client address) and window, carrying the count. A flood therefore
 * costs at most one write per key and window, and at most {@code maxKeys} keys are held: beyond
 * that, failures fall into one shared bucket with no key. {@link #flush} writes the windows that
 * have ended; the composition root calls it on a schedule and at shutdown.
 */
public final class RecordAuthenticationFailureService implements RecordAuthenticationFailureUseCase {

    private static final String OVERFLOW = "";

    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Burst> open = new LinkedHashMap<>();

    public RecordAuthenticationFailureService(AuditTrail audit, Clock clock, Duration window, int maxKeys) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("window and maxKeys must be positive");
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public void recordAuthenticationFailure(AuthenticationFailureCommand command) {
        Instant now = clock.instant();
        String key = (command.expired() ? "expired:" : "failed:")
                + (command.credentialId().isEmpty() ? "address:" + command.clientAddress()
                : "credential:" + command.credentialId());
        synchronized (open) {
            Burst burst = open.get(key);
            if (burst == null && open.size() >= maxKeys) {
                key = OVERFLOW;
                burst = open.get(key);
            }
            if (burst == null) {
                boolean overflow = key.equals(OVERFLOW);
                burst = new Burst(command.expired() ? AuditEventType.EXPIRED_CREDENTIAL_USED
                        : AuditEventType.AUTHENTICATION_FAILED, now,
                        overflow ? 0 : command.userId(), overflow ? "" : command.credentialId(),
                        overflow ? "" : command.clientAddress(), overflow ? "*" : command.scheme());
                open.put(key, burst);
            }
            burst.count++;
        }
    }

    /** Writes every window that ended by now; returns how many events were written. */
    public int flush() {
        return flush(clock.instant().minus(window));
    }

    /** Writes every open window, ended or not (at shutdown). */
    public int flushAll() {
        return flush(Instant.MAX);
    }

    private int flush(Instant startedBefore) {
        List<Burst> ended = new ArrayList<>();
        synchronized (open) {
            open.values().removeIf(burst -> {
                if (burst.start.isAfter(startedBefore)) {
                    return false;
                }
                ended.add(burst);
                return true;
            });
        }
        for (Burst burst : ended) {
            String what = burst.type == AuditEventType.EXPIRED_CREDENTIAL_USED ? " use(s) after expiry"
                    : " failed authentication(s)";
            String detail = burst.count + what + " via " + burst.scheme + " from " + burst.start + " within "
                    + window;
            audit.record(burst.type, 0, 0, burst.userId, burst.credentialId, burst.address, detail, burst.start);
        }
        return ended.size();
    }

    private static final class Burst {
        final AuditEventType type;
        final Instant start;
        final long userId;
        final String credentialId;
        final String address;
        final String scheme;
        long count;

        Burst(AuditEventType type, Instant start, long userId, String credentialId, String address, String scheme) {
            this.type = type;
            this.start = start;
            this.userId = userId;
            this.credentialId = credentialId;
            this.address = address;
            this.scheme = scheme;
        }
    }
}
