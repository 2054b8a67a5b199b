package dev.warden.persistence.org;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.Objects;
import java.util.Optional;

/** Driven adapter: organizations in the {@code orgs} table. */
public final class MariaDbOrganizationRepository implements OrganizationRepository {

    private static final String COLUMNS = "id, name, primary_domain, state, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM orgs WHERE id = ?";
    private static final String INSERT = "INSERT INTO orgs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DbClient db;

    public MariaDbOrganizationRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Organization> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    /**
     * Inserts the organization with {@code executor}, which may be a transaction. A building block
     * of larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, Organization org) {
        executor.insert(INSERT, org.id(), org.name(), org.primaryDomain(), org.state().name(), org.sequence(),
                Rows.utc(org.createdAt()), Rows.utc(org.changedAt()));
    }

    private Organization toDomain(DbRow row) {
        return new Organization(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                Rows.string(row, "primary_domain"),
                OrgState.valueOf(Rows.string(row, "state")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
