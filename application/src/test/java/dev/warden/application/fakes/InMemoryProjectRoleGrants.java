package dev.warden.application.fakes;

import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.domain.grant.UserGrantState;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Test double of {@link ProjectRoleGrants}, reading the in-memory tables as the real one reads the database. */
public final class InMemoryProjectRoleGrants implements ProjectRoleGrants {

    private final InMemoryDatabase db;

    public InMemoryProjectRoleGrants(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<RoleGrant> activeRoles(long userId, long projectId) {
        return db.grants.values().stream()
                .filter(g -> g.userId() == userId && g.projectId() == projectId && g.state() == UserGrantState.ACTIVE)
                .sorted(Comparator.comparingLong(g -> g.orgId()))
                .flatMap(g -> {
                    var org = db.organizations.get(g.orgId());
                    String domain = org == null ? "" : org.primaryDomain();
                    return g.roleKeys().stream().map(key -> new RoleGrant(key, g.orgId(), domain));
                }).toList();
    }
}
