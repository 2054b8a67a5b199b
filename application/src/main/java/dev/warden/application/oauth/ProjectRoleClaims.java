package dev.warden.application.oauth;

import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The role claims of introspection and userinfo (contract §7.3.3): a user's roles in a project
 * from active grants, as {@code {roleKey: {orgId: orgPrimaryDomain}}}, narrowed to the role keys a
 * token's {@code urn:zitadel:iam:org:project:role:{key}} scopes ask for and to the orgs its
 * {@code urn:zitadel:iam:org:roles:id:{orgId}} scopes name, when it has any.
 */
public final class ProjectRoleClaims {

    public static final String ROLE_SCOPE_PREFIX = "urn:zitadel:iam:org:project:role:";
    public static final String ROLE_ORG_SCOPE_PREFIX = "urn:zitadel:iam:org:roles:id:";
    public static final String ALL_PROJECTS_ROLES_SCOPE = "urn:zitadel:iam:org:projects:roles";

    private ProjectRoleClaims() {
    }

    /** The user's roles in the project, narrowed by the token's scopes; empty when none is held. */
    public static Map<String, Map<String, String>> roles(ProjectRoleGrants grants, long userId, long projectId,
                                                         List<String> scopes) {
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
        return roles;
    }

    /** Whether the scopes ask for role claims: all projects' roles, or a role key. */
    public static boolean asksForRoles(List<String> scopes) {
        return scopes.contains(ALL_PROJECTS_ROLES_SCOPE) || !withPrefix(scopes, ROLE_SCOPE_PREFIX).isEmpty();
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
