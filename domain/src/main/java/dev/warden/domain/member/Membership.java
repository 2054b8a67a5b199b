package dev.warden.domain.member;

import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user's roles on one organization ({@link MemberScope#ORG}, scope id = org id) or on the
 * instance ({@link MemberScope#IAM}, scope id = instance id).
 */
public record Membership(long userId, MemberScope scope, long scopeId, Set<Role> roles,
                         long sequence, Instant createdAt, Instant changedAt) {

    public Membership {
        if (userId <= 0 || scopeId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(scope, "scope");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a membership needs at least one role");
        }
        for (Role role : roles) {
            if (role.scope() != scope) {
                throw new IllegalArgumentException(role + " cannot be granted on " + scope);
            }
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    public static Membership grant(long userId, MemberScope scope, long scopeId, Set<Role> roles, Instant now) {
        return new Membership(userId, scope, scopeId, roles, 1, now, now);
    }

    /** The same membership with other roles, one change later. */
    public Membership withRoles(Set<Role> newRoles, Instant now) {
        return new Membership(userId, scope, scopeId, newRoles, sequence + 1, createdAt, now);
    }

    /** Whether this membership counts for a request on {@code currentOrgId} of {@code instanceId}. */
    public boolean appliesTo(long currentOrgId, long instanceId) {
        return scope == MemberScope.ORG ? scopeId == currentOrgId : scopeId == instanceId;
    }
}
