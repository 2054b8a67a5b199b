package dev.warden.persistence.serviceuser;

import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Driven adapter: client secrets in the {@code machine_secrets} table, one row per user, hashes
 * only. Every write locks the user's row first, so the writes of one user's secret (and the user's
 * removal) run one after the other, and a write for a user being removed waits and then finds no
 * user. Changes write {@code USER_CHANGED} to the change feed in their own transaction.
 */
public final class MariaDbMachineSecretRepository implements MachineSecretRepository {

    private static final String COLUMNS = "user_id, secret_hash, sequence, created_at, changed_at";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + " FROM machine_secrets WHERE user_id = ?";
    private static final String SELECT_USER_ID = "SELECT user_id FROM machine_secrets WHERE user_id = ?";
    private static final String LOCK_USER = "SELECT id FROM users WHERE id = ? FOR UPDATE";
    private static final String INSERT = "INSERT INTO machine_secrets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE machine_secrets SET secret_hash = ?, sequence = ?, created_at = ?, "
            + "changed_at = ? WHERE user_id = ?";
    private static final String LOCK_HASH = "SELECT secret_hash FROM machine_secrets WHERE user_id = ? FOR UPDATE";
    private static final String UPDATE_HASH = "UPDATE machine_secrets SET secret_hash = ? WHERE user_id = ?";
    private static final String DELETE_BY_USER = "DELETE FROM machine_secrets WHERE user_id = ?";
    private static final String DELETE_BY_ORG = "DELETE FROM machine_secrets "
            + "WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)";
    private static final String SELECT_USERS_WITH_SECRET = "SELECT user_id FROM machine_secrets WHERE ";
    /** Ids per query of {@link #usersWithSecret}: a page may be unbounded, a statement's parameters are not. */
    static final int IDS_PER_QUERY = 1_000;

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    /** With the system clock stamping the change feed. */
    public MariaDbMachineSecretRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbMachineSecretRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<MachineSecret> find(long userId) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_USER, userId).map(this::toDomain));
    }

    @Override
    public boolean save(MachineSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return Transactions.write(db, tx -> {
            if (!lockUser(tx, secret.userId())) {
                return false;
            }
            // The user's lock keeps the row as this read saw it until the commit.
            if (tx.get(SELECT_USER_ID, secret.userId()).isPresent()) {
                tx.update(UPDATE, secret.hash().phc(), secret.sequence(), Rows.utc(secret.createdAt()),
                        Rows.utc(secret.changedAt()), secret.userId());
            } else {
                tx.insert(INSERT, secret.userId(), secret.hash().phc(), secret.sequence(),
                        Rows.utc(secret.createdAt()), Rows.utc(secret.changedAt()));
            }
            changes.record(tx, ChangeKind.USER_CHANGED, secret.userId(), clock.instant());
            return true;
        });
    }

    @Override
    public boolean remove(long userId) {
        return Transactions.write(db, tx -> {
            if (!lockUser(tx, userId) || removeByUser(tx, userId) == 0) {
                return false;
            }
            changes.record(tx, ChangeKind.USER_CHANGED, userId, clock.instant());
            return true;
        });
    }

    /**
     * A conditional replacement in one transaction: the row is locked, its hash compared in Java
     * (exactly: the column's collation ignores case, and two hashes must never be taken for one) and
     * only then replaced. No change-feed entry: the secret is unchanged (see the port).
     */
    @Override
    public boolean updateSecretHash(long userId, SecretHash expected, SecretHash replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return Transactions.write(db, tx -> {
            Optional<String> stored;
            try (Stream<DbRow> rows = tx.query(LOCK_HASH, userId)) {
                stored = rows.findFirst().map(row -> Rows.string(row, "secret_hash"));
            }
            if (stored.isEmpty() || !stored.get().equals(expected.phc())) {
                return false;
            }
            return tx.update(UPDATE_HASH, replacement.phc(), userId) == 1;
        });
    }

    @Override
    public Set<Long> usersWithSecret(Collection<Long> userIds) {
        List<Long> ids = userIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return DbFailures.call(() -> {
            Set<Long> found = new HashSet<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                Condition in = Condition.in("user_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
                // The stream holds a pooled connection until it is closed.
                try (Stream<DbRow> rows = db.execute().query(SELECT_USERS_WITH_SECRET + in.sql(),
                        in.parameters().toArray())) {
                    rows.forEach(row -> found.add(Rows.longValue(row, "user_id")));
                }
            }
            return Set.copyOf(found);
        });
    }

    /** Deletes the user's secret with {@code executor}; a building block of the user's removal, failures untranslated. */
    public long removeByUser(DbExecute executor, long userId) {
        return executor.delete(DELETE_BY_USER, userId);
    }

    /** Deletes the secrets of the organization's users with {@code executor}; a building block, failures untranslated. */
    public long removeByOrg(DbExecute executor, long orgId) {
        return executor.delete(DELETE_BY_ORG, orgId);
    }

    private static boolean lockUser(DbExecute tx, long userId) {
        try (Stream<DbRow> rows = tx.query(LOCK_USER, userId)) {
            return rows.findAny().isPresent();
        }
    }

    private MachineSecret toDomain(DbRow row) {
        return new MachineSecret(
                Rows.longValue(row, "user_id"),
                new SecretHash(Rows.string(row, "secret_hash")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
