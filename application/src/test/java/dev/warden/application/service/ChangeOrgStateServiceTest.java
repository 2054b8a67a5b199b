package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.ChangeOrgStateCommand;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
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

class ChangeOrgStateServiceTest {

    private static final Instant TOKEN_EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser otherUser;
    private ChangeOrgStateService service;

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
        service = new ChangeOrgStateService(ports.accessControl(), ports.organizations, ports.cache, ports.clock);
    }

    @Test
    void deactivationStoresTheStateAndDropsTheCachedCredentialsOfTheOrganizationsUsers() {
        ports.grant(otherUser, MemberScope.ORG, other.id(), Role.ORG_OWNER);

        DetailsResult details = service.changeOrgState(new ChangeOrgStateCommand(as(otherUser, null), false));

        Instant now = ports.clock.instant();
        assertThat(details).isEqualTo(new DetailsResult(other.sequence() + 1, now, other.id()));
        Organization stored = ports.organizations.findById(other.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(OrgState.INACTIVE);
        assertThat(stored.sequence()).isEqualTo(other.sequence() + 1);
        assertThat(stored.changedAt()).isEqualTo(now);
        assertThat(ports.organizations.findById(home.id())).contains(home);
        assertThat(ports.cache.get("other-token")).isEmpty();
        assertThat(ports.cache.get("caller-token")).contains(principal(caller));
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, other.id()));
    }

    @Test
    void orgSettingsManagerMayDeactivate() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_SETTINGS_MANAGER);

        service.changeOrgState(new ChangeOrgStateCommand(as(caller, null), false));

        assertThat(ports.organizations.findById(home.id()).orElseThrow().state()).isEqualTo(OrgState.INACTIVE);
    }

    @Test
    void iamOwnerDeactivatesAndReactivatesAnotherOrganizationThroughTheHeader() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), false));
        ports.clock.advance(Duration.ofMinutes(1));
        DetailsResult details = service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), true));

        assertThat(details).isEqualTo(new DetailsResult(other.sequence() + 2, ports.clock.instant(), other.id()));
        Organization stored = ports.organizations.findById(other.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(OrgState.ACTIVE);
        assertThat(stored.sequence()).isEqualTo(other.sequence() + 2);
        assertThat(ports.organizations.findById(home.id())).contains(home);
    }

    @Test
    void reactivationKeepsCachedCredentials() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), true));

        assertThat(ports.cache.get("other-token")).contains(principal(otherUser));
    }

    @Test
    void deactivatingAnInactiveOrganizationFails() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), false)),
                PreconditionFailedException.class, "ORG-Dbs2g", "Organisation is already deactivated");
    }

    @Test
    void reactivatingAnActiveOrganizationFails() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), true)),
                PreconditionFailedException.class, "ORG-bfnrh", "Organisation is already active");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_USER_MANAGER", "ORG_PROJECT_CREATOR"})
    void rolesWithoutOrgWriteAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, null), false)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamOwnerViewerCannotReactivate() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);
        ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), true)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void ownerOfTheHomeOrganizationCannotDeactivateAnotherThroughTheHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, other), false)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.changeOrgState(new ChangeOrgStateCommand(as(caller, null), false)),
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
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();
        int cachedBefore = ports.cache.size();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.organizations.all()).containsExactlyInAnyOrderElementsOf(orgsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
        assertThat(ports.cache.size()).isEqualTo(cachedBefore);
    }
}
