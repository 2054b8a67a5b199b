package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.GetOrgByIdQuery;
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

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetOrgByIdServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private GetOrgByIdService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        service = new GetOrgByIdService(ports.accessControl(), ports.organizations);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IAM_OWNER", "IAM_OWNER_VIEWER", "IAM_LOGIN_CLIENT"})
    void instanceRolesWithIamReadGetAnyOrganization(Role role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), role);

        assertThat(service.getOrgById(query(Long.toString(other.id()))).organization()).isEqualTo(other);
        assertThat(service.getOrgById(query(Long.toString(home.id()))).organization()).isEqualTo(home);
    }

    @Test
    void inactiveOrganizationIsFound() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Organization inactive = ports.organizations.save(other.withState(OrgState.INACTIVE, ports.clock.instant()));

        assertThat(service.getOrgById(query(Long.toString(other.id()))).organization()).isEqualTo(inactive);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IAM_ORG_MANAGER", "IAM_USER_MANAGER"})
    void instanceRolesWithoutIamReadAreDenied(Role role) {
        ports.grant(caller, MemberScope.IAM, instance.id(), role);

        assertFails(() -> service.getOrgById(query(Long.toString(other.id()))),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void orgOwnerIsDeniedEvenForTheirOwnOrganization() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFails(() -> service.getOrgById(query(Long.toString(home.id()))),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFails(() -> service.getOrgById(query(Long.toString(other.id()))),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void permissionIsCheckedBeforeTheOrganizationIsLookedUp() {
        assertFails(() -> service.getOrgById(query("123456789")),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "abc", "-1", "0", "01", " 1", "12345678901234567890"})
    void unknownOrMalformedIdIsNotFound(String id) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFails(() -> service.getOrgById(query(id)),
                NotFoundException.class, "QUERY-iTTGJ", "Organisation not found");
    }

    @Test
    void removedOrganizationIsNotFound() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.organizations.save(other.withState(OrgState.REMOVED, ports.clock.instant()));

        assertFails(() -> service.getOrgById(query(Long.toString(other.id()))),
                NotFoundException.class, "QUERY-iTTGJ", "Organisation not found");
    }

    private GetOrgByIdQuery query(String orgId) {
        return new GetOrgByIdQuery(new Caller(
                new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z")), null),
                orgId);
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId,
                                    String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
    }
}
