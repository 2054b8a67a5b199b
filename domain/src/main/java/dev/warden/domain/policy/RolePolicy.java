package dev.warden.domain.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ZITADEL's default role → permission mapping ({@code InternalAuthZ.RolePermissionMappings}) as a
 * pure function.
 *
 * <p>The ORG roles, SELF_MANAGEMENT_GLOBAL, IAM_OWNER and IAM_ORG_MANAGER carry ZITADEL's full
 * lists. IAM_OWNER_VIEWER, IAM_USER_MANAGER and IAM_LOGIN_CLIENT carry the management-relevant
 * permissions of the contract's matrix (§5.3); their other permissions guard APIs Warden does not serve.
 */
public final class RolePolicy {

    private static final List<String> ORG_OWNER = List.of(
            "org.read", "org.global.read", "org.write", "org.delete", "org.member.read", "org.member.write",
            "org.member.delete", "org.idp.read", "org.idp.write", "org.idp.delete", "org.action.read",
            "org.action.write", "org.action.delete", "org.flow.read", "org.flow.write", "org.flow.delete",
            "org.feature.read", "org.feature.write", "org.feature.delete", "user.read", "user.global.read",
            "user.write", "user.delete", "user.grant.read", "user.grant.write", "user.grant.delete",
            "user.membership.read", "user.credential.write", "user.passkey.write", "user.feature.read",
            "user.feature.write", "user.feature.delete", "policy.read", "policy.write", "policy.delete",
            "project.read", "project.create", "project.write", "project.delete", "project.member.read",
            "project.member.write", "project.member.delete", "project.role.read", "project.role.write",
            "project.role.delete", "project.app.read", "project.app.write", "project.grant.read",
            "project.grant.write", "project.grant.delete", "project.grant.member.read",
            "project.grant.member.write", "project.grant.member.delete", "session.read", "session.delete");

    private static final List<String> IAM_ONLY_OF_OWNER = List.of(
            "iam.read", "iam.write", "iam.policy.read", "iam.policy.write", "iam.policy.delete", "iam.member.read",
            "iam.member.write", "iam.member.delete", "iam.idp.read", "iam.idp.write", "iam.idp.delete",
            "iam.action.read", "iam.action.write", "iam.action.delete", "iam.flow.read", "iam.flow.write",
            "iam.flow.delete", "iam.feature.read", "iam.feature.write", "iam.feature.delete",
            "iam.restrictions.read", "iam.restrictions.write", "iam.web_key.write", "iam.web_key.delete",
            "iam.web_key.read", "iam.debug.write", "iam.debug.read", "org.create", "project.app.delete",
            "events.read", "milestones.read", "session.write", "action.target.read", "action.target.write",
            "action.target.delete", "action.execution.read", "action.execution.write", "userschema.read",
            "userschema.write", "userschema.delete");

    private static final Map<Role, Set<Permission>> PERMISSIONS = new EnumMap<>(Role.class);

    static {
        define(Role.ORG_OWNER, ORG_OWNER);
        define(Role.ORG_USER_MANAGER, List.of("org.read", "user.read", "user.global.read", "user.write",
                "user.delete", "user.grant.read", "user.grant.write", "user.grant.delete", "user.membership.read",
                "user.feature.read", "user.feature.write", "user.feature.delete", "policy.read", "project.read",
                "project.role.read", "session.read", "session.delete"));
        define(Role.ORG_OWNER_VIEWER, List.of("org.read", "org.member.read", "org.idp.read", "org.action.read",
                "org.flow.read", "org.feature.read", "user.read", "user.global.read", "user.grant.read",
                "user.membership.read", "user.feature.read", "policy.read", "project.read", "project.member.read",
                "project.role.read", "project.app.read", "project.grant.read", "project.grant.member.read",
                "project.grant.user.grant.read"));
        define(Role.ORG_USER_PERMISSION_EDITOR, List.of("org.read", "org.member.read", "user.read",
                "user.global.read", "user.grant.read", "user.grant.write", "user.grant.delete", "policy.read",
                "project.read", "project.member.read", "project.role.read", "project.app.read",
                "project.grant.read", "project.grant.member.read"));
        define(Role.ORG_SETTINGS_MANAGER, List.of("org.read", "org.write", "org.member.read", "org.idp.read",
                "org.idp.write", "org.idp.delete", "org.feature.read", "org.feature.write", "org.feature.delete",
                "policy.read", "policy.write", "policy.delete"));
        define(Role.ORG_PROJECT_PERMISSION_EDITOR, List.of("org.read", "org.member.read", "user.read",
                "user.global.read", "user.grant.read", "user.grant.write", "user.grant.delete", "policy.read",
                "project.read", "project.member.read", "project.role.read", "project.app.read",
                "project.grant.read", "project.grant.write", "project.grant.delete", "project.grant.member.read"));
        define(Role.ORG_PROJECT_CREATOR, List.of("user.global.read", "policy.read", "project.read:self",
                "project.create"));
        define(Role.ORG_ADMIN_IMPERSONATOR, List.of("admin.impersonation", "impersonation"));
        define(Role.ORG_END_USER_IMPERSONATOR, List.of("impersonation"));
        define(Role.ORG_USER_SELF_MANAGER, List.of("policy.read", "user.self.delete"));
        define(Role.SELF_MANAGEMENT_GLOBAL, List.of("org.create", "policy.read", "user.self.delete"));

        List<String> iamOwner = new java.util.ArrayList<>(ORG_OWNER);
        iamOwner.addAll(IAM_ONLY_OF_OWNER);
        define(Role.IAM_OWNER, iamOwner);
        List<String> orgManager = new java.util.ArrayList<>(ORG_OWNER);
        orgManager.addAll(List.of("org.create", "project.app.delete"));
        define(Role.IAM_ORG_MANAGER, orgManager);
        define(Role.IAM_OWNER_VIEWER, List.of("iam.read", "iam.member.read", "org.read", "org.member.read",
                "user.read", "user.global.read", "user.membership.read", "project.read",
                // Projects feature (contract extension §8).
                "project.role.read", "project.app.read", "user.grant.read"));
        define(Role.IAM_USER_MANAGER, List.of("org.read", "org.global.read", "org.member.read",
                "org.member.delete", "user.read", "user.global.read", "user.write", "user.delete",
                "user.membership.read", "project.read",
                "project.role.read", "project.app.read", "user.grant.read", "user.grant.write", "user.grant.delete"));
        define(Role.IAM_LOGIN_CLIENT, List.of("iam.read", "iam.member.read", "iam.member.write", "org.read",
                "org.member.read", "org.member.write", "user.read", "user.write", "user.credential.write",
                "user.membership.read", "project.read",
                "project.role.read", "project.app.read", "user.grant.read", "user.grant.write"));
    }

    private RolePolicy() {
    }

    private static void define(Role role, List<String> names) {
        Set<Permission> set = new LinkedHashSet<>();
        names.forEach(n -> set.add(new Permission(n)));
        PERMISSIONS.put(role, Collections.unmodifiableSet(set));
    }

    /** Every permission the role grants. */
    public static Set<Permission> permissionsOf(Role role) {
        return PERMISSIONS.get(role);
    }

    public static boolean grants(Role role, Permission permission) {
        return PERMISSIONS.get(role).contains(permission);
    }
}
