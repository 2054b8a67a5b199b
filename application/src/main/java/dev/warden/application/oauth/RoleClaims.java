package dev.warden.application.oauth;

import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ZITADEL's project role claims ({@code {roleKey: {orgId: orgPrimaryDomain}}}) from a user's
 * active grants on a project, narrowed by the token's scopes: {@code …:project:role:{key}} keeps
 * only those keys, {@code …:org:roles:id:{orgId}} only grants of those orgs (projects contract §7.3).
 */
public final class RoleClaims {

    public static final String ROLE_SCOPE_PREFIX = "urn:zitadel:iam:org:project:role:";
    public static final String ROLE_ORG_SCOPE_PREFIX = "urn:zitadel:iam:org:roles:id:";
    public static final String ALL_PROJECTS_ROLES_SCOPE = "urn:zitadel:iam:org:projects:roles";

    private final ProjectRoleGrants grants;

    public RoleClaims(ProjectRoleGrants grants) {
        this.grants = grants;
    }

    /** The name of the per-project claim. */
    public static String claimName(long projectId) {
        return "urn:zitadel:iam:org:project:" + projectId + ":roles";
    }

    /** Whether the scopes ask for role claims in tokens (a role-key scope or the all-projects scope). */
    public static boolean requested(List<String> scopes) {
        return scopes.contains(ALL_PROJECTS_ROLES_SCOPE) || !withPrefix(scopes, ROLE_SCOPE_PREFIX).isEmpty();
    }

    /** The user's roles on the project, narrowed by the scopes; sorted by key, empty when none. */
    public Map<String, Map<String, String>> of(long userId, long projectId, List<String> scopes) {
        Set<String> askedKeys = withPrefix(scopes, ROLE_SCOPE_PREFIX);
        Set<String> askedOrgs = withPrefix(scopes, ROLE_ORG_SCOPE_PREFIX);
        Map<String, Map<String, String>> roles = new TreeMap<>();
        for (RoleGrant grant : grants.activeRoles(userId, projectId)) {
            String orgId = Long.toString(grant.orgId());
            if ((askedKeys.isEmpty() || askedKeys.contains(grant.roleKey()))
                    && (askedOrgs.isEmpty() || askedOrgs.contains(orgId))) {
                roles.computeIfAbsent(grant.roleKey(), k -> new LinkedHashMap<>()).put(orgId, grant.orgPrimaryDomain());
            }
        }
        return Collections.unmodifiableMap(roles);
    }

    private static Set<String> withPrefix(List<String> scopes, String prefix) {
        Set<String> values = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope.startsWith(prefix) && scope.length() > prefix.length()) {
                values.add(scope.substring(prefix.length()));
            }
        }
        return values;
    }
}
