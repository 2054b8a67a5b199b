package dev.warden.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The management roles of ZITADEL's default configuration, in its configuration order. */
public enum Role {
    IAM_OWNER(MemberScope.IAM),
    IAM_OWNER_VIEWER(MemberScope.IAM),
    IAM_ORG_MANAGER(MemberScope.IAM),
    IAM_USER_MANAGER(MemberScope.IAM),
    IAM_LOGIN_CLIENT(MemberScope.IAM),
    ORG_OWNER(MemberScope.ORG),
    ORG_USER_MANAGER(MemberScope.ORG),
    ORG_OWNER_VIEWER(MemberScope.ORG),
    ORG_SETTINGS_MANAGER(MemberScope.ORG),
    ORG_USER_PERMISSION_EDITOR(MemberScope.ORG),
    ORG_PROJECT_PERMISSION_EDITOR(MemberScope.ORG),
    ORG_PROJECT_CREATOR(MemberScope.ORG),
    ORG_ADMIN_IMPERSONATOR(MemberScope.ORG),
    ORG_END_USER_IMPERSONATOR(MemberScope.ORG),
    ORG_USER_SELF_MANAGER(MemberScope.ORG),
    SELF_MANAGEMENT_GLOBAL(MemberScope.ORG);

    private final MemberScope scope;

    Role(MemberScope scope) {
        this.scope = scope;
    }

    /** Where the role can be granted: on an organization or on the instance. */
    public MemberScope scope() {
        return scope;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** The roles that can be granted on the given scope, in configuration order. */
    public static List<Role> grantableOn(MemberScope scope) {
        return Arrays.stream(values()).filter(r -> r.scope == scope).toList();
    }
}
