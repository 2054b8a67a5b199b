package dev.warden.domain.member;

import dev.warden.domain.policy.AccessDecision;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;
import dev.warden.domain.policy.RolePolicy;

import java.util.Collection;

/** The permission check of a management call: a caller's memberships against {@link RolePolicy}. */
public final class AccessCheck {

    private AccessCheck() {
    }

    /**
     * Whether a caller with these memberships may use {@code permission} on {@code currentOrgId}:
     * only memberships on that organization or on the instance count; none at all is
     * {@link AccessDecision#NO_MEMBERSHIP}, some without the permission {@link AccessDecision#DENIED}.
     */
    public static AccessDecision decide(Collection<Membership> memberships, long currentOrgId, long instanceId,
                                        Permission permission) {
        boolean anyApplies = false;
        for (Membership membership : memberships) {
            if (!membership.appliesTo(currentOrgId, instanceId)) {
                continue;
            }
            anyApplies = true;
            for (Role role : membership.roles()) {
                if (RolePolicy.grants(role, permission)) {
                    return AccessDecision.GRANTED;
                }
            }
        }
        return anyApplies ? AccessDecision.DENIED : AccessDecision.NO_MEMBERSHIP;
    }
}
