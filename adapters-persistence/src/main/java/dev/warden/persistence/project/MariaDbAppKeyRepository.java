package dev.warden.persistence.project;

import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Driven adapter: application keys (public keys as PKIX PEM) in {@code app_keys}; changes write {@code CLIENT_CHANGED}. */
public final class MariaDbAppKeyRepository implements AppKeyRepository {

    private static final String COLUMNS = "id, app_id, project_id, org_id, public_key, expires_at, sequence, "
            + "created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM app_keys WHERE id = ?";
    private static final String INSERT = "INSERT INTO app_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Locking the app makes a concurrent removal of it wait, or this insert find it gone.
    private static final String LOCK_APP = "SELECT id FROM api_apps WHERE id = ? FOR UPDATE";
    private static final String SELECT_APP_OF_KEY = "SELECT app_id FROM app_keys WHERE id = ?";
    private static final String DELETE = "DELETE FROM app_keys WHERE id = ?";
    private static final String SELECT_BY_APP = "SELECT " + COLUMNS + ", " + Paging.TOTAL
            + " FROM app_keys WHERE app_id = ? ORDER BY ";
    private static final String COUNT_BY_APP = "SELECT COUNT(*) AS total_matches FROM app_keys WHERE app_id = ?";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    public MariaDbAppKeyRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbAppKeyRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<AppKey> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public boolean insert(AppKey key) {
        Objects.requireNonNull(key, "key");
        return Transactions.write(db, tx -> {
            try (Stream<DbRow> rows = tx.query(LOCK_APP, key.appId())) {
                if (rows.findAny().isEmpty()) {
                    return false;
                }
            }
            tx.insert(INSERT, key.id(), key.appId(), key.projectId(), key.orgId(), key.publicKeyPem(),
                    Rows.utc(key.expiresAt()), key.sequence(), Rows.utc(key.createdAt()), Rows.utc(key.changedAt()));
            changes.record(tx, ChangeKind.CLIENT_CHANGED, key.appId(), clock.instant());
            return true;
        });
    }

    @Override
    public boolean remove(long keyId) {
        return Transactions.write(db, tx -> {
            Optional<Long> appId = tx.get(SELECT_APP_OF_KEY, keyId).map(row -> Rows.longValue(row, "app_id"));
            if (appId.isEmpty() || tx.delete(DELETE, keyId) == 0) {
                return false;
            }
            changes.record(tx, ChangeKind.CLIENT_CHANGED, appId.get(), clock.instant());
            return true;
        });
    }

    @Override
    public Page<AppKey> findByApp(long appId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        String direction = Paging.direction(page);
        String select = SELECT_BY_APP + "created_at " + direction + ", id " + direction;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT_BY_APP, List.of(appId), page,
                this::toDomain));
    }

    private AppKey toDomain(DbRow row) {
        return new AppKey(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "app_id"),
                Rows.longValue(row, "project_id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "public_key"),
                Rows.instant(row, "expires_at"),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
