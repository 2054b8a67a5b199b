package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateMemberCommand;
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

class UpdateMemberServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser alice;
    private ServiceUser bob;
    private Membership aliceOnHome;
    private UpdateMemberService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        alice = ports.serviceUser(home, "alice");
        bob = ports.serviceUser(other, "bob");
        aliceOnHome = ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);
        ports.clock.advance(Duration.ofMinutes(1));
        service = new UpdateMemberService(ports.accessControl(), ports.memberships, ports.instances, ports.clock, AuditTrail.none());
    }

    @Test
    void orgOwnerReplacesAMembersRoles() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Instant now = ports.clock.instant();

        DetailsResult details = service.updateMember(update(caller, null, MemberScope.ORG, alice,
                "ORG_USER_MANAGER", "ORG_SETTINGS_MANAGER"));

        assertThat(details).isEqualTo(new DetailsResult(2, now, home.id()));
        Membership stored = ports.memberships.find(alice.id(), MemberScope.ORG, home.id()).orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.ORG_USER_MANAGER, Role.ORG_SETTINGS_MANAGER);
        assertThat(stored.sequence()).isEqualTo(2);
        assertThat(stored.createdAt()).isEqualTo(aliceOnHome.createdAt());
        assertThat(stored.changedAt()).isEqualTo(now);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, alice.id()));
    }

    @Test
    void theMemberHoldsTheNewRolesPermissionsOnly() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        service.updateMember(update(caller, null, MemberScope.ORG, alice, "ORG_USER_MANAGER"));

        Caller aliceCaller = new Caller(principal(alice), null);
        assertThat(ports.accessControl().authorize(aliceCaller, Permission.USER_WRITE)).isEqualTo(home);
        assertThatThrownBy(() -> ports.accessControl().authorize(aliceCaller, Permission.ORG_MEMBER_READ))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theSameRolesAgainChangeNothing() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER, Role.ORG_USER_MANAGER);
        Membership before = ports.memberships.find(alice.id(), MemberScope.ORG, home.id()).orElseThrow();

        DetailsResult details = service.updateMember(update(caller, null, MemberScope.ORG, alice,
                "ORG_USER_MANAGER", "ORG_OWNER_VIEWER", "ORG_USER_MANAGER"));

        assertThat(details).isEqualTo(new DetailsResult(before.sequence(), before.changedAt(), home.id()));
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).contains(before);
        assertThat(ports.changes.entries()).isEmpty();
    }

    @Test
    void iamOwnerUpdatesAnInstanceMember() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        DetailsResult details = service.updateMember(update(caller, other, MemberScope.IAM, bob, "IAM_ORG_MANAGER"));

        assertThat(details).isEqualTo(new DetailsResult(2, ports.clock.instant(), instance.id()));
        assertThat(ports.memberships.find(bob.id(), MemberScope.IAM, instance.id()).orElseThrow().roles())
                .containsExactly(Role.IAM_ORG_MANAGER);
    }

    @Test
    void headerSelectsTheOrganizationWhoseMemberIsUpdated() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.grant(alice, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        DetailsResult details = service.updateMember(update(caller, other, MemberScope.ORG, alice, "ORG_OWNER_VIEWER"));

        assertThat(details.resourceOwner()).isEqualTo(other.id());
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, other.id()).orElseThrow().roles())
                .containsExactly(Role.ORG_OWNER_VIEWER);
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).contains(aliceOnHome);
    }

    @Test
    void memberOfAnotherOrganizationIsNotAMemberHere() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.ORG, bob,
                        "ORG_OWNER_VIEWER")),
                NotFoundException.class, "Org-D8JxR", "Errors.NotFound");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "abc", "0"})
    void unknownOrMalformedMemberIsNotFound(String userId) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(new UpdateMemberCommand(as(caller, null),
                        MemberScope.ORG, userId, List.of("ORG_OWNER"))),
                NotFoundException.class, "Org-D8JxR", "Errors.NotFound");
        assertFailsAndStoresNothing(() -> service.updateMember(new UpdateMemberCommand(as(caller, null),
                        MemberScope.IAM, userId, List.of("IAM_OWNER"))),
                NotFoundException.class, "IAM-D8JxR", "Errors.NotFound");
    }

    @Test
    void orgMemberIsNotAnInstanceMember() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.IAM, alice,
                        "IAM_OWNER")),
                NotFoundException.class, "IAM-D8JxR", "Errors.NotFound");
    }

    @Test
    void emptyRolesAreAnInvalidArgument() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.ORG, alice)),
                InvalidArgumentException.class, "ORG-4Mlfs", "Errors.Invalid.Argument");
        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.IAM, caller)),
                InvalidArgumentException.class, "IAM-4Mlfs", "Errors.Invalid.Argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORG_NOPE", "IAM_OWNER"})
    void roleThatIsNotAnOrgRoleIsInvalid(String role) {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.ORG, alice, role)),
                InvalidArgumentException.class, "Org-4N8es", "Errors.Org.MemberInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IAM_NOPE", "ORG_OWNER"})
    void roleThatIsNotAnIamRoleIsInvalid(String role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.IAM, caller, role)),
                InvalidArgumentException.class, "IAM-4N8es", "Errors.IAM.MemberInvalid");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_USER_MANAGER", "ORG_USER_PERMISSION_EDITOR"})
    void orgRolesWithoutOrgMemberWriteAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.ORG, alice,
                        "ORG_OWNER")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void orgOwnerCannotUpdateInstanceMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.IAM, bob,
                        "IAM_OWNER")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.updateMember(update(caller, null, MemberScope.ORG, alice,
                        "ORG_OWNER")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private UpdateMemberCommand update(ServiceUser actor, Organization requestedOrgOrNull, MemberScope scope,
                                       ServiceUser member, String... roles) {
        return new UpdateMemberCommand(as(actor, requestedOrgOrNull), scope, Long.toString(member.id()),
                List.of(roles));
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
