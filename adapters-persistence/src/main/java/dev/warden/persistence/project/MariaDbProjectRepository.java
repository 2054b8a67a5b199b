package dev.warden.persistence.project;

import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.project.ProjectState;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: projects in the {@code projects} table (names unique per organization, ignoring
 * case). Any change writes {@code CLIENT_CHANGED} 0, since the state decides whether the project's
 * apps may introspect (changes are rare; telling a state change apart would cost a read). A
 * removal cascades by foreign key to roles, apps, keys and grants and also writes {@code GRANTS_CHANGED} 0.
 */
public final class MariaDbProjectRepository implements ProjectRepository {

    private static final String COLUMNS = "id, org_id, name, state, project_role_assertion, project_role_check, "
            + "has_project_check, private_labeling_setting, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM projects WHERE id = ?";
    private static final String SELECT_ID = "SELECT id FROM projects WHERE id = ?";
    private static final String INSERT = "INSERT INTO projects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE projects SET name = ?, state = ?, project_role_assertion = ?, "
            + "project_role_check = ?, has_project_check = ?, private_labeling_setting = ?, sequence = ?, "
            + "changed_at = ? WHERE id = ? AND sequence = ?";
    private static final String DELETE = "DELETE FROM projects WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + ", " + Paging.TOTAL + " FROM projects WHERE ";
    private static final String COUNT = "SELECT COUNT(*) AS total_matches FROM projects WHERE ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    public MariaDbProjectRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbProjectRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<Project> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public boolean insert(Project project) {
        Objects.requireNonNull(project, "project");
        ProjectSettings s = project.settings();
        return Transactions.writeUnlessDuplicate(db,
                tx -> tx.insert(INSERT, project.id(), project.orgId(), s.name(), project.state().name(),
                        s.projectRoleAssertion(), s.projectRoleCheck(), s.hasProjectCheck(),
                        s.privateLabelingSetting().name(), project.sequence(), Rows.utc(project.createdAt()),
                        Rows.utc(project.changedAt())),
                (tx, rows) -> {
                });
    }

    @Override
    public UpdateResult update(Project project) {
        Objects.requireNonNull(project, "project");
        ProjectSettings s = project.settings();
        return Transactions.update(db,
                tx -> tx.update(UPDATE, s.name(), project.state().name(), s.projectRoleAssertion(),
                        s.projectRoleCheck(), s.hasProjectCheck(), s.privateLabelingSetting().name(),
                        project.sequence(), Rows.utc(project.changedAt()), project.id(), project.sequence() - 1),
                tx -> tx.get(SELECT_ID, project.id()).isPresent(),
                tx -> changes.record(tx, ChangeKind.CLIENT_CHANGED, 0, clock.instant()));
    }

    @Override
    public boolean remove(long projectId) {
        return Transactions.write(db, tx -> {
            if (tx.delete(DELETE, projectId) == 0) {
                return false;
            }
            Instant now = clock.instant();
            changes.record(tx, ChangeKind.CLIENT_CHANGED, 0, now);
            changes.record(tx, ChangeKind.GRANTS_CHANGED, 0, now);
            return true;
        });
    }

    @Override
    public Page<Project> search(long orgId, List<ProjectFilter> filters, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.equal("org_id", orgId));
        filters.forEach(f -> conditions.add(switch (f) {
            case ProjectFilter.Name name -> Condition.text("name", name.text(), name.match());
            case ProjectFilter.ResourceOwner owner -> Condition.equal("org_id", owner.orgId());
        }));
        Condition where = Condition.and(conditions);
        String direction = Paging.direction(page);
        String select = LIST + "(" + where.sql() + ") ORDER BY name " + direction + ", id " + direction;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT + "(" + where.sql() + ")",
                where.parameters(), page, this::toDomain));
    }

    private Project toDomain(DbRow row) {
        return new Project(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "org_id"),
                new ProjectSettings(Rows.string(row, "name"), Columns.bool(row, "project_role_assertion"),
                        Columns.bool(row, "project_role_check"), Columns.bool(row, "has_project_check"),
                        PrivateLabelingSetting.valueOf(Rows.string(row, "private_labeling_setting"))),
                ProjectState.valueOf(Rows.string(row, "state")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
