package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveOrgCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoveOrgServiceTest {

    private static final Instant TOKEN_EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser otherUser;
    private RemoveOrgService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        otherUser = ports.serviceUser(other, "other-user");
        ports.cache.put("caller-token", principal(caller));
        ports.cache.put("other-token", principal(otherUser));
        ports.clock.advance(Duration.ofMinutes(1));
        service = new RemoveOrgService(ports.accessControl(), ports.organizations, ports.instances, ports.cache,
                ports.clock);
    }

    @Test
    void iamOwnerRemovesAnotherOrganizationWithEverythingItOwns() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Membership callerOnOther = ports.grant(caller, MemberScope.ORG, other.id(), Role.ORG_OWNER_VIEWER);
        ports.grant(otherUser, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        DetailsResult details = service.removeOrg(new RemoveOrgCommand(as(caller, other)));

        assertThat(details).isEqualTo(new DetailsResult(other.sequence() + 1, ports.clock.instant(), other.id()));
        assertThat(ports.organizations.findById(other.id())).isEmpty();
        assertThat(ports.organizations.findById(home.id())).contains(home);
        assertThat(ports.users.findById(otherUser.id())).isEmpty();
        assertThat(ports.users.findById(caller.id())).isPresent();
        assertThat(ports.memberships.all()).doesNotContain(callerOnOther)
                .noneMatch(m -> m.userId() == otherUser.id());
        assertThat(ports.cache.get("other-token")).isEmpty();
        assertThat(ports.cache.get("caller-token")).contains(principal(caller));
        assertThat(ports.changes.entries()).contains(new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, other.id()));
    }

    @Test
    void orgOwnerRemovesTheirOwnOrganization() {
        ports.grant(otherUser, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        service.removeOrg(new RemoveOrgCommand(as(otherUser, null)));

        assertThat(ports.organizations.findById(other.id())).isEmpty();
    }

    @Test
    void aRemovedOrganizationCannotBeNamedAgain() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        service.removeOrg(new RemoveOrgCommand(as(caller, other)));

        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(caller, other))),
                PermissionDeniedException.class, "AUTH-Bs7Ds", "Organisation doesn't exist");
    }

    @Test
    void inactiveOrganizationCanBeRemoved() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        DetailsResult details = service.removeOrg(new RemoveOrgCommand(as(caller, other)));

        assertThat(details.sequence()).isEqualTo(other.sequence() + 2);
        assertThat(ports.organizations.findById(other.id())).isEmpty();
    }

    @Test
    void theDefaultOrganizationCannotBeRemoved() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(caller, home))),
                PreconditionFailedException.class, "ORG-wlsde", "The default organisation cannot be removed");
        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(caller, null))),
                PreconditionFailedException.class, "ORG-wlsde", "The default organisation cannot be removed");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_SETTINGS_MANAGER", "ORG_OWNER_VIEWER", "ORG_USER_MANAGER"})
    void rolesWithoutOrgDeleteAreDenied(Role role) {
        ports.grant(otherUser, MemberScope.ORG, other.id(), role);

        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(otherUser, null))),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamUserManagerIsDenied() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_USER_MANAGER);

        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(caller, other))),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(otherUser, null))),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void ownerOfTheHomeOrganizationCannotRemoveAnotherThroughTheHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.removeOrg(new RemoveOrgCommand(as(caller, other))),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private Caller as(ServiceUser user, Organization requestedOrgOrNull) {
        return new Caller(principal(user), requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id()));
    }

    private static Principal principal(ServiceUser user) {
        return new Principal(user.id(), user.orgId(), "pat-" + user.id(), "pat", TOKEN_EXPIRY);
    }

    private void assertFailsAndStoresNothing(ThrowingCallable call, Class<? extends WardenException> kind,
                                             String errorId, String text) {
        List<Organization> orgsBefore = ports.organizations.all();
        List<ServiceUser> usersBefore = ports.users.all();
        List<Membership> membershipsBefore = ports.memberships.all();
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();
        int cachedBefore = ports.cache.size();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.organizations.all()).containsExactlyInAnyOrderElementsOf(orgsBefore);
        assertThat(ports.users.all()).containsExactlyInAnyOrderElementsOf(usersBefore);
        assertThat(ports.memberships.all()).containsExactlyInAnyOrderElementsOf(membershipsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
        assertThat(ports.cache.size()).isEqualTo(cachedBefore);
    }
}
