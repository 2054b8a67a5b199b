package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.AddOrgCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgState;
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

class AddOrgServiceTest {

    private static final String INVALID_NAME =
            "invalid AddOrgRequest.Name: value length must be between 1 and 200 runes, inclusive";

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private AddOrgService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        ports.clock.advance(Duration.ofMinutes(1));
        service = new AddOrgService(ports.accessControl(), ports.organizations, ports.ids, ports.clock,
                FakePorts.INSTANCE_DOMAIN);
    }

    @Test
    void iamOwnerCreatesAnActiveOrganizationWithItsDomainAndBecomesItsOwner() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Instant now = ports.clock.instant();

        Organization created = service.addOrg(new AddOrgCommand(as(null), "Customer A")).organization();

        assertThat(created.name()).isEqualTo("Customer A");
        assertThat(created.primaryDomain()).isEqualTo("customer-a.localhost");
        assertThat(created.state()).isEqualTo(OrgState.ACTIVE);
        assertThat(created.sequence()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(now);
        assertThat(created.changedAt()).isEqualTo(now);
        assertThat(created.id()).isNotIn(home.id(), other.id(), instance.id(), caller.id());
        assertThat(ports.organizations.findById(created.id())).contains(created);
        assertThat(ports.memberships.find(caller.id(), MemberScope.ORG, created.id()))
                .contains(Membership.grant(caller.id(), MemberScope.ORG, created.id(), Set.of(Role.ORG_OWNER), now));
        assertThat(ports.changes.entries())
                .contains(new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, caller.id()));
    }

    @Test
    void theCreatorActsAsOrgOwnerOnTheNewOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.SELF_MANAGEMENT_GLOBAL);

        Organization created = service.addOrg(new AddOrgCommand(as(null), "Customer A")).organization();

        assertThat(ports.accessControl().authorize(as(created), Permission.ORG_DELETE)).isEqualTo(created);
    }

    @Test
    void nameIsStoredTrimmed() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        Organization created = service.addOrg(new AddOrgCommand(as(null), "  Customer A \t")).organization();

        assertThat(created.name()).isEqualTo("Customer A");
        assertThat(ports.organizations.findById(created.id()).orElseThrow().name()).isEqualTo("Customer A");
    }

    @Test
    void nameOfTwoHundredCharactersCountedAsCodePointsIsAccepted() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        String twoHundredRunes = "\uD83D\uDE80".repeat(200);

        assertThat(service.addOrg(new AddOrgCommand(as(null), twoHundredRunes)).organization().name())
                .isEqualTo(twoHundredRunes);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IAM_OWNER", "IAM_ORG_MANAGER"})
    void instanceRolesWithOrgCreateMayCreate(Role role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), role);

        assertThat(service.addOrg(new AddOrgCommand(as(null), "Customer A")).organization().name())
                .isEqualTo("Customer A");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER", "ORG_USER_MANAGER", "ORG_SETTINGS_MANAGER"})
    void organizationRolesWithoutOrgCreateAreDenied(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "Customer A")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamOwnerViewerIsDenied() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "Customer A")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "Customer A")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void selfManagementOnAnotherOrganizationCountsOnlyWhenTheHeaderNamesIt() {
        ports.grant(caller, MemberScope.ORG, other.id(), Role.SELF_MANAGEMENT_GLOBAL);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "Customer A")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
        assertThat(service.addOrg(new AddOrgCommand(as(other), "Customer A")).organization().name())
                .isEqualTo("Customer A");
    }

    @Test
    void unknownOrganizationInTheHeaderIsDenied() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(new Caller(principal(), "42"), "X")),
                PermissionDeniedException.class, "AUTH-Bs7Ds", "Organisation doesn't exist");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " \t\n "})
    void emptyNameIsInvalid(String name) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), name)),
                InvalidArgumentException.class, null, INVALID_NAME);
    }

    @Test
    void nameOverTwoHundredCharactersIsInvalid() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "a".repeat(201))),
                InvalidArgumentException.class, null, INVALID_NAME);
    }

    @Test
    void permissionIsCheckedBeforeTheName() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), "")),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Other", "other", " Other "})
    void nameOfAnExistingOrganizationIsTaken(String name) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFailsAndStoresNothing(() -> service.addOrg(new AddOrgCommand(as(null), name)),
                AlreadyExistsException.class, "V3-DKcYh", "Organisation's name or id already taken");
    }

    private Caller as(Organization requestedOrgOrNull) {
        return new Caller(principal(), requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id()));
    }

    private Principal principal() {
        return new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z"));
    }

    private void assertFailsAndStoresNothing(ThrowingCallable call, Class<? extends WardenException> kind,
                                             String errorId, String text) {
        List<Organization> orgsBefore = ports.organizations.all();
        List<Membership> membershipsBefore = ports.memberships.all();
        List<InMemoryChangeFeed.Entry> changesBefore = ports.changes.entries();

        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.organizations.all()).containsExactlyInAnyOrderElementsOf(orgsBefore);
        assertThat(ports.memberships.all()).containsExactlyInAnyOrderElementsOf(membershipsBefore);
        assertThat(ports.changes.entries()).isEqualTo(changesBefore);
    }
}
