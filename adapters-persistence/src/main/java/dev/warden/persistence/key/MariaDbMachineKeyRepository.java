package dev.warden.persistence.key;

import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Driven adapter: machine keys in the {@code machine_keys} table (public keys as PKIX PEM). */
public final class MariaDbMachineKeyRepository implements MachineKeyRepository {

    private static final String COLUMNS = "id, user_id, org_id, public_key, expires_at, sequence, created_at, "
            + "changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM machine_keys WHERE id = ?";
    private static final String INSERT = "INSERT INTO machine_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LOCK_USER_OF_KEY = "SELECT user_id FROM machine_keys WHERE id = ? FOR UPDATE";
    private static final String DELETE_BY_ID = "DELETE FROM machine_keys WHERE id = ?";
    private static final String DELETE_BY_USER = "DELETE FROM machine_keys WHERE user_id = ?";
    private static final String DELETE_BY_ORG = "DELETE FROM machine_keys "
            + "WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + ", " + Paging.TOTAL
            + " FROM machine_keys WHERE user_id = ? ORDER BY ";
    private static final String SELECT_BY_USER_ASCENDING = SELECT_BY_USER + "created_at ASC, id ASC";
    private static final String SELECT_BY_USER_DESCENDING = SELECT_BY_USER + "created_at DESC, id DESC";
    private static final String COUNT_BY_USER = "SELECT COUNT(*) AS total_matches FROM machine_keys WHERE user_id = ?";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    /** With the system clock stamping the change feed. */
    public MariaDbMachineKeyRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbMachineKeyRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<MachineKey> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public void insert(MachineKey key) {
        Objects.requireNonNull(key, "key");
        DbFailures.call(() -> {
            insert(db.execute(), key);
            return null;
        });
    }

    /**
     * Inserts the key with {@code executor}, which may be a transaction. A building block of larger
     * writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, MachineKey key) {
        executor.insert(INSERT, key.id(), key.userId(), key.orgId(), key.publicKeyPem(), Rows.utc(key.expiresAt()),
                key.sequence(), Rows.utc(key.createdAt()), Rows.utc(key.changedAt()));
    }

    /**
     * One transaction: the row goes (and with it, by a cascading foreign key, every access token
     * obtained with the key), {@code CREDENTIAL_REVOKED} with the key's id and {@code USER_CHANGED}
     * with its user's id are written, or none of it. The latter makes every node forget the cached
     * principals of the user's access tokens, which then fail at once for their row is gone.
     */
    @Override
    public boolean remove(long keyId) {
        return Transactions.write(db, tx -> {
            Optional<Long> userId = tx.get(LOCK_USER_OF_KEY, keyId).map(row -> Rows.longValue(row, "user_id"));
            if (userId.isEmpty() || tx.delete(DELETE_BY_ID, keyId) == 0) {
                return false;
            }
            changes.record(tx, ChangeKind.CREDENTIAL_REVOKED, keyId, clock.instant());
            changes.record(tx, ChangeKind.USER_CHANGED, userId.get(), clock.instant());
            return true;
        });
    }

    /** Deletes every key of the user with {@code executor}; a building block, failures untranslated. */
    public long removeByUser(DbExecute executor, long userId) {
        return executor.delete(DELETE_BY_USER, userId);
    }

    /** Deletes every key of the organization's users with {@code executor}; a building block, failures untranslated. */
    public long removeByOrg(DbExecute executor, long orgId) {
        return executor.delete(DELETE_BY_ORG, orgId);
    }

    @Override
    public Page<MachineKey> findByUser(long userId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        String select = page.ascending() ? SELECT_BY_USER_ASCENDING : SELECT_BY_USER_DESCENDING;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT_BY_USER, List.of(userId), page,
                this::toDomain));
    }

    private MachineKey toDomain(DbRow row) {
        return new MachineKey(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "user_id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "public_key"),
                Rows.instant(row, "expires_at"),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
