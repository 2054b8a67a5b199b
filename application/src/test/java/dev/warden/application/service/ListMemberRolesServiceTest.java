package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.ListMemberRolesQuery;
import dev.warden.domain.instance.Instance;
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

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListMemberRolesServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ListMemberRolesService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        service = new ListMemberRolesService(ports.accessControl(), ports.instances);
    }

    @Test
    void defaultOrganizationOffersEveryOrgRoleAndSelfManagementInConfigurationOrder() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertThat(service.listMemberRoles(query(MemberScope.ORG, null)).roles()).containsExactly(
                Role.ORG_OWNER, Role.ORG_USER_MANAGER, Role.ORG_OWNER_VIEWER, Role.ORG_SETTINGS_MANAGER,
                Role.ORG_USER_PERMISSION_EDITOR, Role.ORG_PROJECT_PERMISSION_EDITOR, Role.ORG_PROJECT_CREATOR,
                Role.ORG_ADMIN_IMPERSONATOR, Role.ORG_END_USER_IMPERSONATOR, Role.ORG_USER_SELF_MANAGER,
                Role.SELF_MANAGEMENT_GLOBAL);
    }

    @Test
    void otherOrganizationsOfferTheOrgRolesWithoutSelfManagement() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertThat(service.listMemberRoles(query(MemberScope.ORG, other)).roles()).containsExactly(
                Role.ORG_OWNER, Role.ORG_USER_MANAGER, Role.ORG_OWNER_VIEWER, Role.ORG_SETTINGS_MANAGER,
                Role.ORG_USER_PERMISSION_EDITOR, Role.ORG_PROJECT_PERMISSION_EDITOR, Role.ORG_PROJECT_CREATOR,
                Role.ORG_ADMIN_IMPERSONATOR, Role.ORG_END_USER_IMPERSONATOR, Role.ORG_USER_SELF_MANAGER);
        assertThat(service.listMemberRoles(query(MemberScope.ORG, home)).roles())
                .contains(Role.SELF_MANAGEMENT_GLOBAL);
    }

    @Test
    void instanceOffersTheIamRolesInConfigurationOrder() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertThat(service.listMemberRoles(query(MemberScope.IAM, null)).roles()).containsExactly(
                Role.IAM_OWNER, Role.IAM_OWNER_VIEWER, Role.IAM_ORG_MANAGER, Role.IAM_USER_MANAGER,
                Role.IAM_LOGIN_CLIENT);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_OWNER_VIEWER", "ORG_SETTINGS_MANAGER", "ORG_USER_PERMISSION_EDITOR"})
    void orgRolesWithOrgMemberReadMayListOrgRolesButNotIamRoles(Role role) {
        ports.grant(caller, MemberScope.ORG, home.id(), role);

        assertThat(service.listMemberRoles(query(MemberScope.ORG, null)).roles()).contains(Role.ORG_OWNER);
        assertFails(() -> service.listMemberRoles(query(MemberScope.IAM, null)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void orgUserManagerLacksOrgMemberRead() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_USER_MANAGER);

        assertFails(() -> service.listMemberRoles(query(MemberScope.ORG, null)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamOwnerViewerMayListIamRoles() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        assertThat(service.listMemberRoles(query(MemberScope.IAM, other)).roles()).contains(Role.IAM_OWNER);
    }

    @Test
    void iamOrgManagerMayListOrgRolesButNotIamRoles() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_ORG_MANAGER);

        assertThat(service.listMemberRoles(query(MemberScope.ORG, other)).roles()).contains(Role.ORG_OWNER);
        assertFails(() -> service.listMemberRoles(query(MemberScope.IAM, null)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFails(() -> service.listMemberRoles(query(MemberScope.ORG, null)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
        assertFails(() -> service.listMemberRoles(query(MemberScope.IAM, null)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void membershipOfTheHomeOrganizationDoesNotReachIntoAnother() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFails(() -> service.listMemberRoles(query(MemberScope.ORG, other)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private ListMemberRolesQuery query(MemberScope scope, Organization requestedOrgOrNull) {
        Principal principal = new Principal(caller.id(), caller.orgId(), "1", "pat",
                Instant.parse("2030-01-01T00:00:00Z"));
        return new ListMemberRolesQuery(new Caller(principal,
                requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id())), scope);
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId,
                                    String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
    }
}
