package dev.warden.persistence.audit;

import dev.warden.application.port.out.AuditEventRepository;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Driven adapter: the audit log in the {@code audit_events} table. Searches page by id (the
 * time-ordered event id is the sequence a client continues from), filtered by time in SQL.
 */
public final class MariaDbAuditEventRepository implements AuditEventRepository {

    private static final String COLUMNS = "id, occurred_at, event_type, actor_user_id, org_id, subject_user_id, "
            + "target_id, client_address, detail";
    private static final String INSERT = "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM audit_events WHERE occurred_at >= ? AND occurred_at < ?";
    private static final String DELETE_BEFORE = "DELETE FROM audit_events WHERE occurred_at < ?";

    private final DbClient db;

    public MariaDbAuditEventRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void append(AuditEvent event) {
        DbFailures.call(() -> db.execute().insert(INSERT, event.id(), Rows.utc(event.occurredAt()),
                event.type().wireName(), event.actorUserId(), event.orgId(), event.subjectUserId(), event.targetId(),
                event.clientAddress(), event.detail()));
    }

    @Override
    public List<AuditEvent> search(AuditEventFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>(List.of(Rows.utc(filter.since()), Rows.utc(filter.until())));
        if (!filter.types().isEmpty()) {
            sql.append(" AND event_type IN (")
                    .append(String.join(", ", filter.types().stream().map(t -> "?").toList())).append(')');
            filter.types().stream().map(AuditEventType::wireName).sorted().forEach(parameters::add);
        }
        condition(sql, parameters, "actor_user_id = ?", filter.actorUserId());
        condition(sql, parameters, "subject_user_id = ?", filter.subjectUserId());
        condition(sql, parameters, "org_id = ?", filter.orgId());
        condition(sql, parameters, filter.ascending() ? "id > ?" : "id < ?", filter.afterSequence());
        sql.append(" ORDER BY id ").append(filter.ascending() ? "ASC" : "DESC").append(" LIMIT ?");
        parameters.add((long) filter.limit());
        return DbFailures.call(() -> {
            // The stream holds a pooled connection until it is closed.
            try (Stream<DbRow> rows = db.execute().query(sql.toString(), parameters.toArray())) {
                return rows.map(MariaDbAuditEventRepository::toDomain).flatMap(Optional::stream).toList();
            }
        });
    }

    @Override
    public int purge(Instant before) {
        Objects.requireNonNull(before, "before");
        long deleted = DbFailures.call(() -> db.execute().delete(DELETE_BEFORE, Rows.utc(before)));
        return (int) Math.min(Integer.MAX_VALUE, deleted);
    }

    /** A condition on an id column, applied when the filter sets it (0 means any). */
    private static void condition(StringBuilder sql, List<Object> parameters, String condition, long value) {
        if (value != 0) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    /** Empty for a type this version does not know (written by a newer node): skipped, not a failure. */
    private static Optional<AuditEvent> toDomain(DbRow row) {
        return AuditEventType.fromWireName(Rows.string(row, "event_type")).map(type -> new AuditEvent(
                Rows.longValue(row, "id"),
                Rows.instant(row, "occurred_at"),
                type,
                Rows.longValue(row, "actor_user_id"),
                Rows.longValue(row, "org_id"),
                Rows.longValue(row, "subject_user_id"),
                Rows.string(row, "target_id"),
                Rows.string(row, "client_address"),
                Rows.string(row, "detail")));
    }
}
