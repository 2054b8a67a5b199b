package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.AddMemberCommand;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
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

class AddMemberServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser alice;
    private ServiceUser bob;
    private AddMemberService service;

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
        service = new AddMemberService(ports.accessControl(), ports.memberships, ports.users, ports.instances,
                ports.clock, AuditTrail.none());
    }

    @Test
    void orgOwnerGrantsRolesOnTheirOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Instant now = ports.clock.instant();

        DetailsResult details = service.addMember(add(caller, null, MemberScope.ORG, alice,
                "ORG_USER_MANAGER", "ORG_OWNER_VIEWER"));

        assertThat(details).isEqualTo(new DetailsResult(1, now, home.id()));
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).contains(Membership.grant(
                alice.id(), MemberScope.ORG, home.id(), Set.of(Role.ORG_USER_MANAGER, Role.ORG_OWNER_VIEWER), now));
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, alice.id()));
    }

    @Test
    void theNewMemberHoldsTheGrantedPermissionsOnThatOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        service.addMember(add(caller, null, MemberScope.ORG, bob, "ORG_USER_MANAGER"));

        Caller bobOnHome = new Caller(principal(bob), Long.toString(home.id()));
        assertThat(ports.accessControl().authorize(bobOnHome, Permission.USER_WRITE)).isEqualTo(home);
        assertThatThrownBy(() -> ports.accessControl().authorize(bobOnHome, Permission.ORG_MEMBER_WRITE))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void usersOfOtherOrganizationsCanBecomeMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        service.addMember(add(caller, null, MemberScope.ORG, bob, "ORG_OWNER"));

        assertThat(ports.memberships.find(bob.id(), MemberScope.ORG, home.id())).isPresent();
        assertThat(ports.memberships.find(bob.id(), MemberScope.ORG, other.id())).isEmpty();
    }

    @Test
    void repeatedRoleNamesGrantTheRoleOnce() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER", "ORG_OWNER"));

        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id()).orElseThrow().roles())
                .containsExactly(Role.ORG_OWNER);
    }

    @Test
    void selfManagementGlobalCanBeGrantedOnAnOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        service.addMember(add(caller, null, MemberScope.ORG, alice, "SELF_MANAGEMENT_GLOBAL"));

        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id()).orElseThrow().roles())
                .containsExactly(Role.SELF_MANAGEMENT_GLOBAL);
    }

    @Test
    void headerSelectsTheOrganizationAnIamOwnerGrantsOn() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        DetailsResult details = service.addMember(add(caller, other, MemberScope.ORG, alice, "ORG_OWNER"));

        assertThat(details.resourceOwner()).isEqualTo(other.id());
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, other.id())).isPresent();
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).isEmpty();
    }

    @Test
    void iamLoginClientMayAddOrgMembers() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_LOGIN_CLIENT);

        service.addMember(add(caller, other, MemberScope.ORG, alice, "ORG_OWNER_VIEWER"));

        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, other.id())).isPresent();
    }

    @Test
    void iamOwnerOfAServiceUserHasInstanceRightsOnEveryOrganization() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Instant now = ports.clock.instant();

        DetailsResult details = service.addMember(add(caller, null, MemberScope.IAM, bob, "IAM_OWNER"));

        // The instance owns instance memberships, as ZITADEL's instance aggregate owns itself.
        assertThat(details).isEqualTo(new DetailsResult(1, now, instance.id()));
        assertThat(ports.memberships.find(bob.id(), MemberScope.IAM, instance.id())).contains(
                Membership.grant(bob.id(), MemberScope.IAM, instance.id(), Set.of(Role.IAM_OWNER), now));
        for (Organization org : List.of(home, other)) {
            Caller bobOnOrg = new Caller(principal(bob), Long.toString(org.id()));
            assertThat(ports.accessControl().authorize(bobOnOrg, Permission.ORG_DELETE)).isEqualTo(org);
            assertThat(ports.accessControl().authorize(bobOnOrg, Permission.IAM_MEMBER_WRITE)).isEqualTo(org);
        }
        service.addMember(add(bob, home, MemberScope.ORG, alice, "ORG_OWNER"));
        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).isPresent();
    }

    @Test
    void orgOwnerCannotAddInstanceMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.IAM, alice, "IAM_OWNER")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_USER_MANAGER", "ORG_SETTINGS_MANAGER"})
    void orgRolesWithoutOrgMemberWriteAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamOrgManagerMayAddOrgMembersButNotInstanceMembers() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_ORG_MANAGER);

        service.addMember(add(caller, other, MemberScope.ORG, alice, "ORG_OWNER"));
        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.IAM, alice, "IAM_OWNER")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void ownerOfTheHomeOrganizationCannotGrantOnAnotherThroughTheHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, other, MemberScope.ORG, alice, "ORG_OWNER")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void permissionIsCheckedBeforeTheRequest() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.ORG,
                        "", List.of())),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void emptyRolesAreAnInvalidArgument() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice)),
                InvalidArgumentException.class, "ORG-4Mlfs", "Errors.Invalid.Argument");
        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.IAM,
                        Long.toString(alice.id()), null)),
                InvalidArgumentException.class, "IAM-4Mlfs", "Errors.Invalid.Argument");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingUserIdIsAnInvalidArgument(String userId) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.ORG,
                        userId, List.of("ORG_OWNER"))),
                InvalidArgumentException.class, "ORG-4Mlfs", "Errors.Invalid.Argument");
        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.IAM,
                        userId, List.of("IAM_OWNER"))),
                InvalidArgumentException.class, "IAM-4Mlfs", "Errors.Invalid.Argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORG_NOPE", "IAM_OWNER", "IAM_ORG_MANAGER", "org_owner", " ORG_OWNER", ""})
    void roleThatIsNotAnOrgRoleIsInvalid(String role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice,
                        "ORG_OWNER", role)),
                InvalidArgumentException.class, "Org-4N8es", "Errors.Org.MemberInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IAM_NOPE", "ORG_OWNER", "SELF_MANAGEMENT_GLOBAL", "iam_owner"})
    void roleThatIsNotAnIamRoleIsInvalid(String role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.IAM, alice,
                        "IAM_OWNER_VIEWER", role)),
                InvalidArgumentException.class, "IAM-4N8es", "Errors.IAM.MemberInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "abc", "0", "-5", "01"})
    void unknownOrMalformedUserIsAFailedPrecondition(String userId) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.ORG,
                        userId, List.of("ORG_OWNER"))),
                PreconditionFailedException.class, "ORG-GoXOn", "User could not be found");
        assertFailsAndStoresNothing(() -> service.addMember(new AddMemberCommand(as(caller, null), MemberScope.IAM,
                        userId, List.of("IAM_OWNER"))),
                PreconditionFailedException.class, "IAM-5N9vs", "User could not be found");
    }

    @Test
    void deletedUserIsAFailedPrecondition() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.users.save(alice.withState(UserState.DELETED, ports.clock.instant()));

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER")),
                PreconditionFailedException.class, "ORG-GoXOn", "User could not be found");
    }

    @Test
    void inactiveUserCanBecomeAMember() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.users.save(alice.withState(UserState.INACTIVE, ports.clock.instant()));

        service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER"));

        assertThat(ports.memberships.find(alice.id(), MemberScope.ORG, home.id())).isPresent();
    }

    @Test
    void existingOrgMemberCannotBeAddedAgain() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.ORG, alice, "ORG_OWNER")),
                AlreadyExistsException.class, "ORG-poWwe", "Errors.Org.Member.AlreadyExists");
    }

    @Test
    void existingInstanceMemberCannotBeAddedAgain() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addMember(add(caller, null, MemberScope.IAM, caller,
                        "IAM_OWNER_VIEWER")),
                AlreadyExistsException.class, "IAM-sdgQ4", "Errors.IAM.Member.AlreadyExists");
    }

    @Test
    void membershipOnAnotherOrganizationDoesNotMakeAUserAMemberHere() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.grant(bob, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        service.addMember(add(caller, home, MemberScope.ORG, bob, "ORG_OWNER_VIEWER"));

        assertThat(ports.memberships.find(bob.id(), MemberScope.ORG, home.id())).isPresent();
        assertThat(ports.memberships.find(bob.id(), MemberScope.ORG, other.id()).orElseThrow().roles())
                .containsExactly(Role.ORG_OWNER);
    }

    private AddMemberCommand add(ServiceUser actor, Organization requestedOrgOrNull, MemberScope scope,
                                 ServiceUser member, String... roles) {
        return new AddMemberCommand(as(actor, requestedOrgOrNull), scope, Long.toString(member.id()),
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
        List<Membership> membershipsBefore = ports.memberships.all();
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.memberships.all()).containsExactlyInAnyOrderElementsOf(membershipsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
    }
}
