package dev.warden.persistence.token;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Driven adapter: personal access tokens in the {@code personal_access_tokens} table. */
public final class MariaDbPersonalAccessTokenRepository implements PersonalAccessTokenRepository {

    private static final String COLUMNS = "id, user_id, org_id, secret_hash, expires_at, last_used_at, sequence, "
            + "created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM personal_access_tokens WHERE id = ?";
    private static final String INSERT = "INSERT INTO personal_access_tokens (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_BY_ID = "DELETE FROM personal_access_tokens WHERE id = ?";
    private static final String DELETE_BY_USER = "DELETE FROM personal_access_tokens WHERE user_id = ?";
    private static final String DELETE_BY_ORG = "DELETE FROM personal_access_tokens "
            + "WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + ", " + Paging.TOTAL
            + " FROM personal_access_tokens WHERE user_id = ? ORDER BY ";
    private static final String SELECT_BY_USER_ASCENDING = SELECT_BY_USER + "created_at ASC, id ASC";
    private static final String SELECT_BY_USER_DESCENDING = SELECT_BY_USER + "created_at DESC, id DESC";
    private static final String COUNT_BY_USER = "SELECT COUNT(*) AS total_matches FROM personal_access_tokens "
            + "WHERE user_id = ?";
    /** Only ever forward: an older time, from a slower node or a late flush, leaves a newer one alone. */
    private static final String RECORD_LAST_USED = "UPDATE personal_access_tokens SET last_used_at = ? "
            + "WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";
    private static final String LOCK_HASH = "SELECT secret_hash FROM personal_access_tokens WHERE id = ? FOR UPDATE";
    private static final String UPDATE_HASH = "UPDATE personal_access_tokens SET secret_hash = ? WHERE id = ?";
    private static final int BATCH_SIZE = 500;
    private static final System.Logger LOGGER = System.getLogger(MariaDbPersonalAccessTokenRepository.class.getName());

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    /** With the system clock stamping the change feed. */
    public MariaDbPersonalAccessTokenRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbPersonalAccessTokenRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<PersonalAccessToken> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public void insert(PersonalAccessToken token) {
        Objects.requireNonNull(token, "token");
        DbFailures.call(() -> {
            insert(db.execute(), token);
            return null;
        });
    }

    /**
     * Inserts the token with {@code executor}, which may be a transaction. A building block of
     * larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, PersonalAccessToken token) {
        executor.insert(INSERT, token.id(), token.userId(), token.orgId(), token.secretHash().phc(),
                Rows.utc(token.expiresAt()), Rows.utc(token.lastUsedAt()), token.sequence(),
                Rows.utc(token.createdAt()), Rows.utc(token.changedAt()));
    }

    @Override
    public boolean remove(long tokenId) {
        return Transactions.write(db, tx -> {
            boolean removed = tx.delete(DELETE_BY_ID, tokenId) > 0;
            if (removed) {
                changes.record(tx, ChangeKind.CREDENTIAL_REVOKED, tokenId, clock.instant());
            }
            return removed;
        });
    }

    /** Deletes every token of the user with {@code executor}; a building block, failures untranslated. */
    public long removeByUser(DbExecute executor, long userId) {
        return executor.delete(DELETE_BY_USER, userId);
    }

    /** Deletes every token of the organization's users with {@code executor}; a building block, failures untranslated. */
    public long removeByOrg(DbExecute executor, long orgId) {
        return executor.delete(DELETE_BY_ORG, orgId);
    }

    @Override
    public Page<PersonalAccessToken> findByUser(long userId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        String select = page.ascending() ? SELECT_BY_USER_ASCENDING : SELECT_BY_USER_DESCENDING;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT_BY_USER, List.of(userId), page,
                this::toDomain));
    }

    /**
     * A conditional replacement in one transaction: the row is locked, its hash compared in Java
     * (exactly: the column's collation ignores case, and two hashes must never be taken for one) and
     * only then replaced. No change-feed entry: the secret is unchanged (see the port).
     */
    @Override
    public boolean updateSecretHash(long tokenId, SecretHash expected, SecretHash replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return Transactions.write(db, tx -> {
            Optional<String> stored;
            try (Stream<DbRow> rows = tx.query(LOCK_HASH, tokenId)) {
                stored = rows.findFirst().map(row -> Rows.string(row, "secret_hash"));
            }
            if (stored.isEmpty() || !stored.get().equals(expected.phc())) {
                return false;
            }
            return tx.update(UPDATE_HASH, replacement.phc(), tokenId) == 1;
        });
    }

    /**
     * One transaction of batched updates (a JDBC batch: Helidon's DbClient has none), in ascending
     * token id order, so that two nodes flushing overlapping batches lock rows in the same order and
     * cannot deadlock. Times are cut to the microseconds the column keeps, so that the comparison
     * and the stored value agree. A lost database is not logged here: the caller, a background
     * recorder, reports it once per outage.
     */
    @Override
    public void recordLastUsed(Map<Long, Instant> lastUsedByTokenId) {
        Objects.requireNonNull(lastUsedByTokenId, "lastUsedByTokenId");
        if (lastUsedByTokenId.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> entries = new ArrayList<>(lastUsedByTokenId.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        DbFailures.callUnlogged(() -> {
            updateInOneTransaction(entries);
            return null;
        });
    }

    private void updateInOneTransaction(List<Map.Entry<Long, Instant>> entries) {
        // A connection from the pool the DbClient uses, with the same LocalDateTime handling.
        Connection connection = db.unwrap(Connection.class);
        try (connection) {
            // The pool restores auto-commit when the connection goes back.
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(RECORD_LAST_USED)) {
                int batched = 0;
                for (Map.Entry<Long, Instant> entry : entries) {
                    LocalDateTime at = Rows.utc(Objects.requireNonNull(entry.getValue(), "last use")
                            .truncatedTo(ChronoUnit.MICROS));
                    update.setObject(1, at);
                    update.setLong(2, entry.getKey());
                    update.setObject(3, at);
                    update.addBatch();
                    if (++batched == BATCH_SIZE) {
                        update.executeBatch();
                        batched = 0;
                    }
                }
                if (batched > 0) {
                    update.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            // The cause keeps its SQLState for DbFailures to recognise a lost connection.
            throw new DbClientException("Recording token use failed", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            LOGGER.log(Level.DEBUG, "Rollback of recorded token use failed", rollbackFailure);
        }
    }

    private PersonalAccessToken toDomain(DbRow row) {
        return new PersonalAccessToken(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "user_id"),
                Rows.longValue(row, "org_id"),
                new SecretHash(Rows.string(row, "secret_hash")),
                Rows.instant(row, "expires_at"),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"),
                Rows.nullableInstant(row, "last_used_at"));
    }
}
