package dev.warden.persistence.change;

import dev.warden.application.port.out.ChangeFeed;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Driven adapter: the change feed in the {@code change_feed} table. The repositories write it with
 * {@link #record} inside the transactions of their changes, so an entry exists exactly when its
 * change was committed.
 *
 * <p>Entry ids are random positive 63-bit numbers. They need no coordination between nodes and no
 * state; unlike time-ordered ids with a randomly drawn node number, two nodes cannot repeat each
 * other's sequence. A repeat would fail the change's transaction on the primary key; with the few
 * million entries that pruning leaves at most, its chance per write is below 10^-12. Order comes
 * from {@code created_at}, not from the id.
 *
 * <p>{@code created_at} is the writer's clock when the change was made, not when it was committed:
 * a reader that asks for changes since the time of its last read may miss one committed just after
 * that read with an earlier time, so readers should overlap their windows by more than the longest
 * write transaction plus the clock skew between nodes, and tolerate seeing an entry twice.
 */
public final class MariaDbChangeFeed implements ChangeFeed {

    private static final String COLUMNS = "id, kind, subject_id, created_at";
    private static final String INSERT = "INSERT INTO change_feed (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String SELECT_SINCE = "SELECT " + COLUMNS + " FROM change_feed WHERE created_at >= ? "
            + "ORDER BY created_at, id";
    private static final String DELETE_BEFORE = "DELETE FROM change_feed WHERE created_at < ?";

    private final DbClient db;
    private final SecureRandom random = new SecureRandom();

    public MariaDbChangeFeed(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Change> since(Instant since) {
        Objects.requireNonNull(since, "since");
        return DbFailures.call(() -> {
            // The stream holds a pooled connection until it is closed.
            try (Stream<DbRow> rows = db.execute().query(SELECT_SINCE, Rows.utc(since))) {
                return rows.map(this::toDomain).toList();
            }
        });
    }

    @Override
    public int prune(Instant before) {
        Objects.requireNonNull(before, "before");
        long deleted = DbFailures.call(() -> db.execute().delete(DELETE_BEFORE, Rows.utc(before)));
        return (int) Math.min(Integer.MAX_VALUE, deleted);
    }

    /**
     * Records a change with {@code executor}, which should be the transaction of the change itself.
     * A building block of larger writes: failures propagate untranslated, for the caller to roll
     * back and translate.
     */
    public void record(DbExecute executor, ChangeKind kind, long subjectId, Instant at) {
        Objects.requireNonNull(kind, "kind");
        executor.insert(INSERT, nextId(), kind.name(), subjectId, Rows.utc(at));
    }

    /** Uniform in [1, 2^63 - 1]. */
    private long nextId() {
        long id;
        do {
            id = random.nextLong() >>> 1;
        } while (id == 0);
        return id;
    }

    private Change toDomain(DbRow row) {
        return new Change(
                Rows.longValue(row, "id"),
                ChangeKind.valueOf(Rows.string(row, "kind")),
                Rows.longValue(row, "subject_id"),
                Rows.instant(row, "created_at"));
    }
}
