package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMemberCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoveMemberServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser alice;
    private ServiceUser bob;
    private RemoveMemberService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        alice = ports.serviceUser(home, "alice");
        bob = ports.serviceUser(other, "bob");
        ports.clock.advance(Duration.ofMinutes(1));
        service = new RemoveMemberService(ports.accessControl(), ports.memberships, ports.instances, ports.clock, AuditTrail.none());
    }

    @Test
    void orgOwnerRemovesAMemberWhoThenLosesAccess() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Membership aliceOnHome = ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        DetailsResult details = service.removeMember(remove(caller, null, MemberScope.ORG, alice));

        assertThat(details).isEqualTo(new DetailsResult(aliceOnHome.sequence() + 1, ports.clock.instant(), home.id()));
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).isEmpty();
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, alice.id()));
        assertThatThrownBy(() -> ports.accessControl().authorize(new Caller(principal(alice), null),
                Permission.ORG_READ)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheMembershipOnTheCurrentScopeIsRemoved() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.grant(bob, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Membership bobOnOther = ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER);
        Membership bobOnIam = ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        DetailsResult details = service.removeMember(remove(caller, home, MemberScope.ORG, bob));

        assertThat(details.resourceOwner()).isEqualTo(home.id());
        assertThat(ports.memberships.findByUser(bob.id())).containsExactlyInAnyOrder(bobOnOther, bobOnIam);
    }

    @Test
    void headerSelectsTheOrganizationWhoseMemberIsRemoved() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Membership aliceOnHome = ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(alice, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        DetailsResult details = service.removeMember(remove(caller, other, MemberScope.ORG, alice));

        assertThat(details.resourceOwner()).isEqualTo(other.id());
        assertThat(ports.memberships.findByUser(alice.id())).containsExactly(aliceOnHome);
    }

    @Test
    void removingANonMemberSucceedsWithTheOrganizationsDetailsAndChangesNothing() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER);
        Set<Membership> before = Set.copyOf(ports.memberships.all());

        DetailsResult details = service.removeMember(remove(caller, null, MemberScope.ORG, bob));

        assertThat(details).isEqualTo(new DetailsResult(home.sequence(), ports.clock.instant(), home.id()));
        assertThat(Set.copyOf(ports.memberships.all())).isEqualTo(before);
        assertThat(ports.changes.entries()).isEmpty();
    }

    @Test
    void removingTwiceSucceedsTwice() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        service.removeMember(remove(caller, null, MemberScope.ORG, alice));
        DetailsResult second = service.removeMember(remove(caller, null, MemberScope.ORG, alice));

        assertThat(second).isEqualTo(new DetailsResult(home.sequence(), ports.clock.instant(), home.id()));
        assertThat(ports.changes.entries()).hasSize(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "abc", "0"})
    void unknownOrMalformedUserIdIsANonMember(String userId) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Set<Membership> before = Set.copyOf(ports.memberships.all());

        DetailsResult org = service.removeMember(new RemoveMemberCommand(as(caller, null), MemberScope.ORG, userId));
        DetailsResult iam = service.removeMember(new RemoveMemberCommand(as(caller, null), MemberScope.IAM, userId));

        assertThat(org).isEqualTo(new DetailsResult(home.sequence(), ports.clock.instant(), home.id()));
        assertThat(iam).isEqualTo(new DetailsResult(0, ports.clock.instant(), instance.id()));
        assertThat(Set.copyOf(ports.memberships.all())).isEqualTo(before);
    }

    @Test
    void iamOwnerRemovesAnInstanceMemberWhoLosesInstanceRights() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Membership bobOnIam = ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Membership bobOnOther = ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER_VIEWER);

        DetailsResult details = service.removeMember(remove(caller, null, MemberScope.IAM, bob));

        assertThat(details).isEqualTo(new DetailsResult(bobOnIam.sequence() + 1, ports.clock.instant(), instance.id()));
        assertThat(ports.memberships.findByUser(bob.id())).containsExactly(bobOnOther);
        assertThatThrownBy(() -> ports.accessControl().authorize(new Caller(principal(bob), Long.toString(home.id())),
                Permission.ORG_READ)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingANonMemberOfTheInstanceSucceeds() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Set<Membership> before = Set.copyOf(ports.memberships.all());

        DetailsResult details = service.removeMember(remove(caller, null, MemberScope.IAM, alice));

        assertThat(details).isEqualTo(new DetailsResult(0, ports.clock.instant(), instance.id()));
        assertThat(Set.copyOf(ports.memberships.all())).isEqualTo(before);
    }

    @Test
    void theLastIamOwnerMayRemoveThemselvesAsZitadelAllows() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        service.removeMember(remove(caller, null, MemberScope.IAM, caller));

        assertThat(ports.memberships.findByUser(caller.id())).isEmpty();
    }

    @Test
    void iamUserManagerMayRemoveOrgMembersButNotInstanceMembers() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_USER_MANAGER);
        ports.grant(alice, MemberScope.ORG, other.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        service.removeMember(remove(caller, other, MemberScope.ORG, alice));
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, other.id())).isEmpty();
        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.IAM, bob)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamLoginClientMayAddButNotRemoveMembers() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_LOGIN_CLIENT);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.ORG, alice)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.IAM, bob)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_USER_MANAGER", "ORG_SETTINGS_MANAGER"})
    void orgRolesWithoutOrgMemberDeleteAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.ORG, alice)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void orgOwnerCannotRemoveInstanceMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.IAM, bob)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, null, MemberScope.ORG, alice)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void ownerOfTheHomeOrganizationCannotRemoveFromAnotherThroughTheHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.removeMember(remove(caller, other, MemberScope.ORG, bob)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private RemoveMemberCommand remove(ServiceUser actor, Organization requestedOrgOrNull, MemberScope scope,
                                       ServiceUser member) {
        return new RemoveMemberCommand(as(actor, requestedOrgOrNull), scope, Long.toString(member.id()));
    }

    private static Caller as(ServiceUser user, Organization requestedOrgOrNull) {
        return new Caller(principal(user), requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id()));
    }

    private static Principal principal(ServiceUser user) {
        return new Principal(user.id(), user.orgId(), "pat-" + user.id(), "pat", Instant.parse("2030-01-01T00:00:00Z"));
    }

    private void assertFailsAndStoresNothing(ThrowingCallable call, Class<? extends WardenException> kind,
                                             String errorId, String text) {
        Set<Membership> membershipsBefore = Set.copyOf(ports.memberships.all());
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(Set.copyOf(ports.memberships.all())).isEqualTo(membershipsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
    }
}
