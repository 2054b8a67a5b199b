package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.UpdateOrgCommand;
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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateOrgServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private UpdateOrgService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        ports.clock.advance(Duration.ofMinutes(1));
        service = new UpdateOrgService(ports.accessControl(), ports.organizations, ports.clock,
                FakePorts.INSTANCE_DOMAIN);
    }

    @Test
    void orgOwnerRenamesTheirOrganizationAndItsDomainFollows() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        Organization renamed = service.updateOrg(new UpdateOrgCommand(as(null), "  New Name ")).organization();

        assertThat(renamed.id()).isEqualTo(home.id());
        assertThat(renamed.name()).isEqualTo("New Name");
        assertThat(renamed.primaryDomain()).isEqualTo("new-name.localhost");
        assertThat(renamed.state()).isEqualTo(OrgState.ACTIVE);
        assertThat(renamed.sequence()).isEqualTo(home.sequence() + 1);
        assertThat(renamed.createdAt()).isEqualTo(home.createdAt());
        assertThat(renamed.changedAt()).isEqualTo(ports.clock.instant()).isNotEqualTo(home.changedAt());
        assertThat(ports.organizations.findById(home.id())).contains(renamed);
        assertThat(ports.organizations.findById(other.id())).contains(other);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, home.id()));
    }

    @Test
    void orgSettingsManagerMayRename() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_SETTINGS_MANAGER);

        assertThat(service.updateOrg(new UpdateOrgCommand(as(null), "New Name")).organization().name())
                .isEqualTo("New Name");
    }

    @Test
    void headerSelectsTheOrganizationAnIamOwnerRenames() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        Organization renamed = service.updateOrg(new UpdateOrgCommand(as(other), "Renamed")).organization();

        assertThat(renamed.id()).isEqualTo(other.id());
        assertThat(ports.organizations.findById(other.id())).contains(renamed);
        assertThat(ports.organizations.findById(home.id())).contains(home);
    }

    @Test
    void inactiveOrganizationCanBeRenamed() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Organization inactive = ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        Organization renamed = service.updateOrg(new UpdateOrgCommand(as(other), "Renamed")).organization();

        assertThat(renamed.state()).isEqualTo(OrgState.INACTIVE);
        assertThat(renamed.sequence()).isEqualTo(inactive.sequence() + 1);
    }

    @Test
    void renameKeepsCachedCredentialsOfTheOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.cache.put("digest", principal());

        service.updateOrg(new UpdateOrgCommand(as(null), "New Name"));

        assertThat(ports.cache.get("digest")).contains(principal());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_USER_MANAGER", "ORG_USER_PERMISSION_EDITOR"})
    void rolesWithoutOrgWriteAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), "New Name")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), "New Name")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void ownerOfTheHomeOrganizationCannotRenameAnotherThroughTheHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(other), "New Name")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void emptyNameIsInvalid(String name) {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), name)),
                InvalidArgumentException.class, null,
                "invalid UpdateOrgRequest.Name: value length must be between 1 and 200 runes, inclusive");
    }

    @Test
    void nameOverTwoHundredCharactersIsInvalid() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), "x".repeat(201))),
                InvalidArgumentException.class, null,
                "invalid UpdateOrgRequest.Name: value length must be between 1 and 200 runes, inclusive");
    }

    @Test
    void nameOfAnotherOrganizationIsTaken() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), "OTHER")),
                AlreadyExistsException.class, "V3-DKcYh", "Organisation's name or id already taken");
    }

    private Caller as(Organization requestedOrgOrNull) {
        return new Caller(principal(), requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id()));
    }

    private Principal principal() {
        return new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void renamingToTheSameNameIsNotChanged() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.updateOrg(new UpdateOrgCommand(as(null), home.name())),
                PreconditionFailedException.class, "ORG-4VSdf", "Errors.Org.NotChanged");
    }

    private void assertFailsAndStoresNothing(ThrowingCallable call, Class<? extends WardenException> kind,
                                             String errorId, String text) {
        List<Organization> orgsBefore = ports.organizations.all();
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.organizations.all()).containsExactlyInAnyOrderElementsOf(orgsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
    }
}
