package dev.warden.persistence.project;

import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Driven adapter: a user's role keys on a project from active grants, each with the granting
 * organization's id and primary domain (the shape of ZITADEL's role claims).
 */
public final class MariaDbProjectRoleGrants implements ProjectRoleGrants {

    private static final String SELECT = "SELECT r.role_key, g.org_id, o.primary_domain "
            + "FROM user_grants g JOIN user_grant_roles r ON r.grant_id = g.id JOIN orgs o ON o.id = g.org_id "
            + "WHERE g.user_id = ? AND g.project_id = ? AND g.state = 'ACTIVE' ORDER BY g.org_id, r.position";

    private final DbClient db;

    public MariaDbProjectRoleGrants(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<RoleGrant> activeRoles(long userId, long projectId) {
        return DbFailures.call(() -> {
            try (Stream<DbRow> rows = db.execute().query(SELECT, userId, projectId)) {
                return rows.map(row -> new RoleGrant(Rows.string(row, "role_key"), Rows.longValue(row, "org_id"),
                        Rows.string(row, "primary_domain"))).toList();
            }
        });
    }
}
