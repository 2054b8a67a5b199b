package dev.warden.persistence.serviceuser;

import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import dev.warden.persistence.key.MariaDbMachineKeyRepository;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Driven adapter: service users in the {@code users} table. User names are unique across the
 * instance ignoring case (the table's collation); changes and removals write {@code USER_CHANGED}
 * to the change feed in their own transaction.
 */
public final class MariaDbServiceUserRepository implements ServiceUserRepository {

    private static final String COLUMNS = "id, org_id, user_name, display_name, description, access_token_type, "
            + "state, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    // The column's collation (and H2's IGNORECASE) compares ignoring case, as the unique key does.
    private static final String SELECT_BY_USER_NAME = "SELECT " + COLUMNS + " FROM users WHERE user_name = ?";
    private static final String SELECT_ID = "SELECT id FROM users WHERE id = ?";
    private static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE users SET user_name = ?, display_name = ?, description = ?, "
            + "access_token_type = ?, state = ?, sequence = ?, changed_at = ? WHERE id = ? AND sequence = ?";
    // Locking the user's row first makes a concurrent insert of a token or membership for it wait,
    // and then fail on its foreign key, instead of failing this removal at its last step.
    private static final String LOCK = "SELECT id FROM users WHERE id = ? FOR UPDATE";
    private static final String DELETE = "DELETE FROM users WHERE id = ?";
    private static final String LOCK_ORG = "SELECT id FROM users WHERE org_id = ? FOR UPDATE";
    private static final String DELETE_ORG = "DELETE FROM users WHERE org_id = ?";
    /** States sort by their numbers in ZITADEL's {@code UserState}, as ZITADEL sorts them. */
    private static final String STATE_ORDER = "CASE state WHEN 'ACTIVE' THEN 1 WHEN 'INACTIVE' THEN 2 "
            + "WHEN 'DELETED' THEN 3 WHEN 'LOCKED' THEN 4 ELSE 5 END";
    private static final String SEARCH_FROM = " FROM users WHERE org_id = ? AND ";
    private static final String SEARCH = "SELECT " + COLUMNS + ", " + Paging.TOTAL + SEARCH_FROM;
    private static final String COUNT = "SELECT COUNT(*) AS total_matches" + SEARCH_FROM;

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;
    private final MariaDbPersonalAccessTokenRepository tokens;
    private final MariaDbMembershipRepository memberships;
    private final MariaDbMachineKeyRepository machineKeys;
    private final MariaDbMachineSecretRepository secrets;

    /** With the system clock stamping the change feed. */
    public MariaDbServiceUserRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbServiceUserRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
        this.tokens = new MariaDbPersonalAccessTokenRepository(db, clock);
        this.memberships = new MariaDbMembershipRepository(db, clock);
        this.machineKeys = new MariaDbMachineKeyRepository(db, clock);
        this.secrets = new MariaDbMachineSecretRepository(db, clock);
    }

    @Override
    public Optional<ServiceUser> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    /** A new user is in no cache yet: nothing goes to the change feed. */
    @Override
    public Optional<ServiceUser> findByUserName(String userName) {
        Objects.requireNonNull(userName, "userName");
        return DbFailures.call(() -> db.execute().get(SELECT_BY_USER_NAME, userName).map(this::toDomain));
    }

    @Override
    public boolean insert(ServiceUser user) {
        Objects.requireNonNull(user, "user");
        return Transactions.writeUnlessDuplicate(db,
                tx -> {
                    insert(tx, user);
                    return 1;
                },
                (tx, inserted) -> {
                });
    }

    /**
     * Inserts the user with {@code executor}, which may be a transaction. A building block of
     * larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, ServiceUser user) {
        executor.insert(INSERT, user.id(), user.orgId(), user.userName(), user.displayName(), user.description(),
                user.accessTokenType().name(), user.state().name(), user.sequence(),
                Rows.utc(user.createdAt()), Rows.utc(user.changedAt()));
    }

    /**
     * Stores every field but the organization, which never changes, if the stored sequence is the
     * new one minus 1, with {@code USER_CHANGED} in the same transaction; an unknown user stays absent.
     */
    @Override
    public UpdateResult update(ServiceUser user) {
        Objects.requireNonNull(user, "user");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, user.userName(), user.displayName(), user.description(),
                        user.accessTokenType().name(), user.state().name(), user.sequence(),
                        Rows.utc(user.changedAt()), user.id(), user.sequence() - 1),
                tx -> tx.get(SELECT_ID, user.id()).isPresent(),
                tx -> changes.record(tx, ChangeKind.USER_CHANGED, user.id(), clock.instant()));
    }

    @Override
    public void remove(long userId) {
        Transactions.write(db, tx -> {
            boolean exists;
            try (Stream<DbRow> rows = tx.query(LOCK, userId)) {
                exists = rows.findAny().isPresent();
            }
            if (!exists) {
                return null;
            }
            tokens.removeByUser(tx, userId);
            machineKeys.removeByUser(tx, userId);
            secrets.removeByUser(tx, userId);
            long lostMemberships = memberships.removeByUser(tx, userId);
            tx.delete(DELETE, userId);
            Instant now = clock.instant();
            changes.record(tx, ChangeKind.USER_CHANGED, userId, now);
            if (lostMemberships > 0) {
                changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, userId, now);
            }
            return null;
        });
    }

    /**
     * Locks the organization's users with {@code executor}, a transaction, and returns their ids. A
     * building block of the organization's removal; failures untranslated.
     */
    public List<Long> lockOrg(DbExecute executor, long orgId) {
        try (Stream<DbRow> rows = executor.query(LOCK_ORG, orgId)) {
            return rows.map(row -> Rows.longValue(row, "id")).toList();
        }
    }

    /** Deletes the organization's users with {@code executor}; their tokens, machine keys, secrets and memberships must be gone. */
    public long removeOrg(DbExecute executor, long orgId) {
        return executor.delete(DELETE_ORG, orgId);
    }

    @Override
    public Page<ServiceUser> search(long orgId, UserFilter filter, UserSort sort, PageRequest page) {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        Condition condition = condition(filter);
        String direction = Paging.direction(page);
        String where = "(" + condition.sql() + ")";
        String order = " ORDER BY " + (sort == UserSort.ID ? "" : sortColumn(sort) + " " + direction + ", ")
                + "id " + direction;
        List<Object> parameters = new ArrayList<>();
        parameters.add(orgId);
        parameters.addAll(condition.parameters());
        return DbFailures.call(() -> Paging.page(db.execute(), SEARCH + where + order, COUNT + where, parameters,
                page, this::toDomain));
    }

    private static String sortColumn(UserSort sort) {
        return switch (sort) {
            case ID -> "id";
            case USER_NAME -> "user_name";
            case DISPLAY_NAME -> "display_name";
            case STATE -> STATE_ORDER;
            case CREATION_DATE -> "created_at";
        };
    }

    /** The filter as SQL, with the semantics of {@link UserFilter#matches}. */
    private static Condition condition(UserFilter filter) {
        return switch (Objects.requireNonNull(filter, "filter")) {
            case UserFilter.All all -> Condition.TRUE;
            case UserFilter.UserName query -> Condition.text("user_name", query.text(), query.match());
            case UserFilter.DisplayName query -> Condition.text("display_name", query.text(), query.match());
            // Login names are the user names under the default domain policy.
            case UserFilter.LoginName query -> Condition.text("user_name", query.text(), query.match());
            case UserFilter.State query -> Condition.equal("state", query.state().name());
            case UserFilter.Machine query -> query.machine() ? Condition.TRUE : Condition.FALSE;
            case UserFilter.InIds query -> Condition.in("id", query.ids().stream().sorted().toList());
            case UserFilter.Nothing nothing -> Condition.FALSE;
            case UserFilter.And query -> Condition.and(query.filters().stream()
                    .map(MariaDbServiceUserRepository::condition).toList());
            case UserFilter.Or query -> Condition.or(query.filters().stream()
                    .map(MariaDbServiceUserRepository::condition).toList());
            // Every column a condition reads is NOT NULL: NOT never meets an unknown.
            case UserFilter.Not query -> Condition.not(condition(query.filter()));
        };
    }

    private ServiceUser toDomain(DbRow row) {
        return new ServiceUser(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "user_name"),
                Rows.string(row, "display_name"),
                Rows.string(row, "description"),
                AccessTokenType.valueOf(Rows.string(row, "access_token_type")),
                UserState.valueOf(Rows.string(row, "state")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
