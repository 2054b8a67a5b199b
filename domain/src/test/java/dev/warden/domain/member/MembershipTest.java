package dev.warden.domain.member;

import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void grantStartsAtSequenceOneWithBothTimestampsNow() {
        Membership membership = Membership.grant(1, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER), NOW);

        assertThat(membership.sequence()).isEqualTo(1);
        assertThat(membership.createdAt()).isEqualTo(NOW);
        assertThat(membership.changedAt()).isEqualTo(NOW);
        assertThat(membership.roles()).containsExactly(Role.ORG_OWNER);
    }

    @Test
    void membershipWithoutRolesIsRefused() {
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.ORG, 2, Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.ORG, 2, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void iamRoleCannotBeGrantedOnAnOrganizationNorOrgRoleOnTheInstance() {
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.ORG, 2, Set.of(Role.IAM_OWNER), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IAM_OWNER");
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.IAM, 2, Set.of(Role.ORG_OWNER), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER, Role.IAM_OWNER), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonPositiveIdsAndSequencesAreRefused() {
        assertThatThrownBy(() -> Membership.grant(0, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Membership.grant(1, MemberScope.ORG, -2, Set.of(Role.ORG_OWNER), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(1, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER), 0, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(1, null, 2, Set.of(Role.ORG_OWNER), 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rolesAreCopiedAndCannotBeChangedAfterwards() {
        Set<Role> roles = new HashSet<>(Set.of(Role.ORG_OWNER));
        Membership membership = Membership.grant(1, MemberScope.ORG, 2, roles, NOW);

        roles.add(Role.ORG_USER_MANAGER);

        assertThat(membership.roles()).containsExactly(Role.ORG_OWNER);
        assertThatThrownBy(() -> membership.roles().add(Role.ORG_OWNER_VIEWER))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesKeepConfigurationOrder() {
        Membership membership = Membership.grant(1, MemberScope.ORG, 2,
                EnumSet.of(Role.ORG_PROJECT_CREATOR, Role.ORG_OWNER, Role.ORG_USER_MANAGER), NOW);

        assertThat(membership.roles()).containsExactly(Role.ORG_OWNER, Role.ORG_USER_MANAGER, Role.ORG_PROJECT_CREATOR);
    }

    @Test
    void orgMembershipAppliesOnlyToItsOwnOrganization() {
        Membership membership = Membership.grant(1, MemberScope.ORG, 20, Set.of(Role.ORG_OWNER), NOW);

        assertThat(membership.appliesTo(20, 99)).isTrue();
        assertThat(membership.appliesTo(21, 99)).isFalse();
        // An org membership must not be mistaken for an instance one when the ids happen to match.
        assertThat(membership.appliesTo(21, 20)).isFalse();
    }

    @Test
    void iamMembershipAppliesToEveryOrganizationOfItsInstance() {
        Membership membership = Membership.grant(1, MemberScope.IAM, 99, Set.of(Role.IAM_OWNER), NOW);

        assertThat(membership.appliesTo(20, 99)).isTrue();
        assertThat(membership.appliesTo(21, 99)).isTrue();
        assertThat(membership.appliesTo(20, 98)).isFalse();
        assertThat(membership.appliesTo(99, 98)).isFalse();
    }
}
