package dev.warden.persistence.project;

import dev.warden.application.port.out.UpdateResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.grant.UserGrantState;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Driven adapter: user grants in {@code user_grants}, their role keys in {@code user_grant_roles}
 * (ordered by position; each key a foreign key to its project role, so a removed role leaves every
 * grant). Every change writes {@code GRANTS_CHANGED} with the user id in its transaction.
 */
public final class MariaDbUserGrantRepository implements UserGrantRepository {

    private static final String COLUMNS = "id, org_id, user_id, project_id, state, sequence, created_at, changed_at";
    private static final String G_COLUMNS = "g.id, g.org_id, g.user_id, g.project_id, g.state, g.sequence, "
            + "g.created_at, g.changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM user_grants WHERE id = ?";
    private static final String SELECT_ID = "SELECT id FROM user_grants WHERE id = ?";
    private static final String SELECT_USER = "SELECT user_id FROM user_grants WHERE id = ?";
    private static final String INSERT = "INSERT INTO user_grants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ROLE = "INSERT INTO user_grant_roles (grant_id, position, project_id, role_key) "
            + "VALUES (?, ?, ?, ?)";
    private static final String DELETE_ROLES = "DELETE FROM user_grant_roles WHERE grant_id = ?";
    private static final String UPDATE = "UPDATE user_grants SET state = ?, sequence = ?, changed_at = ? "
            + "WHERE id = ? AND sequence = ?";
    private static final String DELETE = "DELETE FROM user_grants WHERE id = ?";
    private static final String ROLES_OF = "SELECT grant_id, role_key FROM user_grant_roles WHERE ";
    private static final String LIST = "SELECT " + G_COLUMNS + ", " + Paging.TOTAL + " FROM user_grants g WHERE ";
    private static final String COUNT = "SELECT COUNT(*) AS total_matches FROM user_grants g WHERE ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    public MariaDbUserGrantRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbUserGrantRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<UserGrant> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id)
                .map(MariaDbUserGrantRepository::withoutRoles)
                .map(grant -> withRoles(db.execute(), List.of(grant)).getFirst()));
    }

    @Override
    public boolean insert(UserGrant grant) {
        Objects.requireNonNull(grant, "grant");
        return Transactions.writeUnlessDuplicate(db,
                tx -> tx.insert(INSERT, grant.id(), grant.orgId(), grant.userId(), grant.projectId(),
                        grant.state().name(), grant.sequence(), Rows.utc(grant.createdAt()),
                        Rows.utc(grant.changedAt())),
                (tx, rows) -> {
                    insertRoles(tx, grant);
                    changes.record(tx, ChangeKind.GRANTS_CHANGED, grant.userId(), clock.instant());
                });
    }

    @Override
    public UpdateResult update(UserGrant grant) {
        Objects.requireNonNull(grant, "grant");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, grant.state().name(), grant.sequence(), Rows.utc(grant.changedAt()),
                        grant.id(), grant.sequence() - 1),
                tx -> tx.get(SELECT_ID, grant.id()).isPresent(),
                tx -> {
                    // The sequence check above holds the grant's row lock: the keys are ours to replace.
                    tx.delete(DELETE_ROLES, grant.id());
                    insertRoles(tx, grant);
                    changes.record(tx, ChangeKind.GRANTS_CHANGED, grant.userId(), clock.instant());
                });
    }

    @Override
    public boolean remove(long grantId) {
        return removeAll(List.of(grantId)) == 1;
    }

    @Override
    public int removeAll(Collection<Long> grantIds) {
        List<Long> ids = grantIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return Transactions.write(db, tx -> {
            List<Long> users = new ArrayList<>();
            for (long id : ids) {
                tx.get(SELECT_USER + " FOR UPDATE", id).ifPresent(row -> users.add(Rows.longValue(row, "user_id")));
            }
            if (users.size() != ids.size()) {
                return users.size();
            }
            for (long id : ids) {
                tx.delete(DELETE, id);
            }
            Instant now = clock.instant();
            for (long userId : users.stream().distinct().toList()) {
                changes.record(tx, ChangeKind.GRANTS_CHANGED, userId, now);
            }
            return ids.size();
        });
    }

    @Override
    public Page<UserGrant> search(long orgId, List<UserGrantFilter> filters, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.equal("g.org_id", orgId));
        filters.forEach(f -> conditions.add(condition(f)));
        Condition where = Condition.and(conditions);
        String direction = Paging.direction(page);
        String select = LIST + "(" + where.sql() + ") ORDER BY g.created_at " + direction + ", g.id " + direction;
        return DbFailures.call(() -> {
            Page<UserGrant> bare = Paging.page(db.execute(), select, COUNT + "(" + where.sql() + ")",
                    where.parameters(), page, MariaDbUserGrantRepository::withoutRoles);
            return new Page<>(withRoles(db.execute(), bare.items()), bare.total());
        });
    }

    private static Condition condition(UserGrantFilter filter) {
        return switch (filter) {
            case UserGrantFilter.UserId q -> Condition.equal("g.user_id", q.userId());
            case UserGrantFilter.ProjectId q -> Condition.equal("g.project_id", q.projectId());
            case UserGrantFilter.RoleKey q -> exists("user_grant_roles r WHERE r.grant_id = g.id",
                    Condition.text("r.role_key", q.text(), q.match()));
            case UserGrantFilter.UserName q -> exists("users u WHERE u.id = g.user_id",
                    Condition.text("u.user_name", q.text(), q.match()));
            case UserGrantFilter.ProjectName q -> exists("projects p WHERE p.id = g.project_id",
                    Condition.text("p.name", q.text(), q.match()));
            case UserGrantFilter.Nothing q -> Condition.FALSE;
        };
    }

    private static Condition exists(String fromWhere, Condition inner) {
        return new Condition("EXISTS (SELECT 1 FROM " + fromWhere + " AND (" + inner.sql() + "))", inner.parameters());
    }

    private static void insertRoles(DbExecute tx, UserGrant grant) {
        for (int i = 0; i < grant.roleKeys().size(); i++) {
            tx.insert(INSERT_ROLE, grant.id(), i, grant.projectId(), grant.roleKeys().get(i));
        }
    }

    /** The grants with their role keys in order, read with one query. */
    private static List<UserGrant> withRoles(DbExecute executor, List<UserGrant> grants) {
        if (grants.isEmpty()) {
            return List.of();
        }
        Condition in = Condition.in("grant_id", grants.stream().map(UserGrant::id).toList());
        Map<Long, List<String>> keys = new HashMap<>();
        try (Stream<DbRow> roleRows = executor.query(ROLES_OF + in.sql() + " ORDER BY grant_id, position",
                in.parameters().toArray())) {
            roleRows.forEach(r -> keys.computeIfAbsent(Rows.longValue(r, "grant_id"), k -> new ArrayList<>())
                    .add(Rows.string(r, "role_key")));
        }
        return grants.stream().map(g -> new UserGrant(g.id(), g.orgId(), g.userId(), g.projectId(),
                keys.getOrDefault(g.id(), List.of()), g.state(), g.sequence(), g.createdAt(), g.changedAt())).toList();
    }

    private static UserGrant withoutRoles(DbRow row) {
        return new UserGrant(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "org_id"),
                Rows.longValue(row, "user_id"),
                Rows.longValue(row, "project_id"),
                List.of(),
                UserGrantState.valueOf(Rows.string(row, "state")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
