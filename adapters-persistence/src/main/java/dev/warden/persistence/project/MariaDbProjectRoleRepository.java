package dev.warden.persistence.project;

import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.RoleFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Driven adapter: project roles in {@code project_roles}. Removing a role removes its key from
 * every grant (foreign-key cascade of {@code user_grant_roles}) and writes {@code GRANTS_CHANGED} 0.
 */
public final class MariaDbProjectRoleRepository implements ProjectRoleRepository {

    private static final String COLUMNS = "project_id, role_key, org_id, display_name, role_group, sequence, "
            + "created_at, changed_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM project_roles WHERE project_id = ? AND role_key = ?";
    private static final String SELECT_KEY = "SELECT role_key FROM project_roles WHERE project_id = ? AND role_key = ?";
    private static final String INSERT = "INSERT INTO project_roles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE project_roles SET display_name = ?, role_group = ?, sequence = ?, "
            + "changed_at = ? WHERE project_id = ? AND role_key = ? AND sequence = ?";
    private static final String DELETE = "DELETE FROM project_roles WHERE project_id = ? AND role_key = ?";
    private static final String LIST = "SELECT " + COLUMNS + ", " + Paging.TOTAL + " FROM project_roles WHERE ";
    private static final String COUNT = "SELECT COUNT(*) AS total_matches FROM project_roles WHERE ";
    private static final String EXISTING = "SELECT role_key FROM project_roles WHERE project_id = ? AND ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    public MariaDbProjectRoleRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbProjectRoleRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<ProjectRole> find(long projectId, String key) {
        return DbFailures.call(() -> db.execute().get(SELECT, projectId, key).map(this::toDomain));
    }

    /** One transaction; a duplicate key (or a project that is gone: its foreign key) stores nothing. */
    @Override
    public boolean insertAll(List<ProjectRole> roles) {
        if (roles.isEmpty()) {
            return true;
        }
        try {
            return Transactions.writeUnlessDuplicate(db,
                    tx -> {
                        for (ProjectRole r : roles) {
                            tx.insert(INSERT, r.projectId(), r.key(), r.orgId(), r.displayName(), r.group(),
                                    r.sequence(), Rows.utc(r.createdAt()), Rows.utc(r.changedAt()));
                        }
                        return roles.size();
                    },
                    (tx, rows) -> {
                    });
        } catch (IllegalStateException e) {
            if (DbFailures.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public UpdateResult update(ProjectRole role) {
        Objects.requireNonNull(role, "role");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, role.displayName(), role.group(), role.sequence(), Rows.utc(role.changedAt()),
                        role.projectId(), role.key(), role.sequence() - 1),
                tx -> tx.get(SELECT_KEY, role.projectId(), role.key()).isPresent(),
                tx -> {
                    // Display name and group appear in no claim: nothing cached changes.
                });
    }

    @Override
    public boolean remove(long projectId, String key) {
        return Transactions.write(db, tx -> {
            if (tx.delete(DELETE, projectId, key) == 0) {
                return false;
            }
            changes.record(tx, ChangeKind.GRANTS_CHANGED, 0, clock.instant());
            return true;
        });
    }

    @Override
    public Page<ProjectRole> search(long projectId, List<RoleFilter> filters, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.equal("project_id", projectId));
        filters.forEach(f -> conditions.add(switch (f) {
            case RoleFilter.Key key -> Condition.text("role_key", key.text(), key.match());
            case RoleFilter.DisplayName name -> Condition.text("display_name", name.text(), name.match());
        }));
        Condition where = Condition.and(conditions);
        String direction = Paging.direction(page);
        String select = LIST + "(" + where.sql() + ") ORDER BY role_key " + direction;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT + "(" + where.sql() + ")",
                where.parameters(), page, this::toDomain));
    }

    @Override
    public Set<String> existingKeys(long projectId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Condition in = Condition.in("role_key", List.copyOf(new HashSet<>(keys)));
        List<Object> parameters = new ArrayList<>();
        parameters.add(projectId);
        parameters.addAll(in.parameters());
        return DbFailures.call(() -> {
            Set<String> found = new HashSet<>();
            try (Stream<DbRow> rows = db.execute().query(EXISTING + in.sql(), parameters.toArray())) {
                rows.forEach(row -> found.add(Rows.string(row, "role_key")));
            }
            // A case-insensitive engine could match "Reader" for "reader": keep exact matches only.
            found.retainAll(keys);
            return Set.copyOf(found);
        });
    }

    private ProjectRole toDomain(DbRow row) {
        return new ProjectRole(
                Rows.longValue(row, "project_id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "role_key"),
                Rows.string(row, "display_name"),
                Rows.string(row, "role_group"),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
