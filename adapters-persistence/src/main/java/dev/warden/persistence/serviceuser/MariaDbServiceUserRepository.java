package dev.warden.persistence.serviceuser;

import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.Objects;
import java.util.Optional;

/** Driven adapter: service users in the {@code users} table. */
public final class MariaDbServiceUserRepository implements ServiceUserRepository {

    private static final String COLUMNS = "id, org_id, user_name, display_name, description, access_token_type, "
            + "state, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    private static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DbClient db;

    public MariaDbServiceUserRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ServiceUser> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
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
