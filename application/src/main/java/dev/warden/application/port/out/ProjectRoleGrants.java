package dev.warden.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * Driven port: the project roles a user holds through active user grants, for the role claims
 * of introspection and JWT access tokens. Read on the hot path: implementations cache, and
 * forget on {@code GRANTS_CHANGED}.
 */
public interface ProjectRoleGrants {

    /** The user's roles on the project from active grants, one entry per (role, granting org). */
    List<RoleGrant> activeRoles(long userId, long projectId);

    /** A role key held through a grant of the org with this id and primary domain. */
    record RoleGrant(String roleKey, long orgId, String orgPrimaryDomain) {
        public RoleGrant {
            Objects.requireNonNull(roleKey, "roleKey");
            Objects.requireNonNull(orgPrimaryDomain, "orgPrimaryDomain");
        }
    }
}
