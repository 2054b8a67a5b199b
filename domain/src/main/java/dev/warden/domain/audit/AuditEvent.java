package dev.warden.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One security event. It names ids only, never a secret: {@code detail} is a short text chosen by
 * Warden (role names, a count), never taken from a credential.
 *
 * @param id            time-ordered, unique: the sequence the API pages by
 * @param actorUserId   who did it (0: nobody authenticated, e.g. a failed login)
 * @param orgId         the organization it happened in (0: unknown)
 * @param subjectUserId the user it is about (0: none or unknown)
 * @param targetId      the credential, key, grant or membership scope it is about ("" when none)
 * @param clientAddress the caller's address as the server saw it ("" when unknown)
 */
public record AuditEvent(long id, Instant occurredAt, AuditEventType type, long actorUserId, long orgId,
                         long subjectUserId, String targetId, String clientAddress, String detail) {

    /** Ids and addresses are short and printable: nothing a caller made up can grow a row. */
    private static final Pattern TARGET_ID = Pattern.compile("[0-9A-Za-z_.:-]{0,64}");
    private static final Pattern ADDRESS = Pattern.compile("[\\x21-\\x7e]{0,64}");
    public static final int MAX_DETAIL = 255;

    public AuditEvent {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        if (actorUserId < 0 || orgId < 0 || subjectUserId < 0) {
            throw new IllegalArgumentException("ids must not be negative");
        }
        targetId = targetId == null ? "" : targetId;
        if (!TARGET_ID.matcher(targetId).matches()) {
            throw new IllegalArgumentException("not an id: target");
        }
        clientAddress = clientAddress == null ? "" : clientAddress;
        if (!ADDRESS.matcher(clientAddress).matches()) {
            throw new IllegalArgumentException("not an address");
        }
        detail = detail == null ? "" : detail;
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }
}
