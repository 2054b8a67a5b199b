package dev.warden.persistence.project;

import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.app.AppState;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.SecretHash;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: API applications in {@code api_apps}, with the argon2id hash of their client
 * secret. Every change writes {@code CLIENT_CHANGED} with the app id in its transaction; removal
 * cascades to the app's keys.
 */
public final class MariaDbApiAppRepository implements ApiAppRepository {

    private static final String COLUMNS = "id, project_id, org_id, name, client_id, auth_method, state, secret_hash, "
            + "sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM api_apps WHERE id = ?";
    private static final String SELECT_ID = "SELECT id FROM api_apps WHERE id = ?";
    private static final String INSERT = "INSERT INTO api_apps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE api_apps SET name = ?, auth_method = ?, state = ?, secret_hash = ?, "
            + "sequence = ?, changed_at = ? WHERE id = ? AND sequence = ?";
    private static final String DELETE = "DELETE FROM api_apps WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + ", " + Paging.TOTAL + " FROM api_apps WHERE ";
    private static final String COUNT = "SELECT COUNT(*) AS total_matches FROM api_apps WHERE ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    public MariaDbApiAppRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbApiAppRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public Optional<ApiApp> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public boolean insert(ApiApp app) {
        Objects.requireNonNull(app, "app");
        return Transactions.writeUnlessDuplicate(db,
                tx -> tx.insert(INSERT, app.id(), app.projectId(), app.orgId(), app.name(), app.clientId(),
                        app.authMethod().name(), app.state().name(), app.secret().map(SecretHash::phc).orElse(null),
                        app.sequence(), Rows.utc(app.createdAt()), Rows.utc(app.changedAt())),
                (tx, rows) -> changes.record(tx, ChangeKind.CLIENT_CHANGED, app.id(), clock.instant()));
    }

    @Override
    public UpdateResult update(ApiApp app) {
        Objects.requireNonNull(app, "app");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, app.name(), app.authMethod().name(), app.state().name(),
                        app.secret().map(SecretHash::phc).orElse(null), app.sequence(), Rows.utc(app.changedAt()),
                        app.id(), app.sequence() - 1),
                tx -> tx.get(SELECT_ID, app.id()).isPresent(),
                tx -> changes.record(tx, ChangeKind.CLIENT_CHANGED, app.id(), clock.instant()));
    }

    @Override
    public boolean remove(long appId) {
        return Transactions.write(db, tx -> {
            if (tx.delete(DELETE, appId) == 0) {
                return false;
            }
            changes.record(tx, ChangeKind.CLIENT_CHANGED, appId, clock.instant());
            return true;
        });
    }

    @Override
    public Page<ApiApp> search(long projectId, List<AppFilter> filters, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.equal("project_id", projectId));
        filters.forEach(f -> conditions.add(Condition.text("name", f.name(), f.match())));
        Condition where = Condition.and(conditions);
        String direction = Paging.direction(page);
        String select = LIST + "(" + where.sql() + ") ORDER BY name " + direction + ", id " + direction;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT + "(" + where.sql() + ")",
                where.parameters(), page, this::toDomain));
    }

    private ApiApp toDomain(DbRow row) {
        return new ApiApp(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "project_id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "name"),
                Rows.string(row, "client_id"),
                ApiAuthMethod.valueOf(Rows.string(row, "auth_method")),
                AppState.valueOf(Rows.string(row, "state")),
                Columns.nullableString(row, "secret_hash").map(SecretHash::new),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
