package dev.warden.application.authz;

import dev.warden.domain.principal.Principal;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryInstanceRepository;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessControlTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private AccessControl accessControl;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        accessControl = new AccessControl(ports.organizations, ports.memberships, ports.instances);
    }

    @Test
    void orgUserManagerMayWriteUsersButNotMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_USER_MANAGER);

        assertThat(accessControl.authorize(principal(), null, Permission.USER_WRITE)).isEqualTo(home);
        assertFails(() -> accessControl.authorize(principal(), null, Permission.ORG_MEMBER_WRITE),
                PermissionDeniedException.class, "AUTH-5mWD2");
    }

    @Test
    void orgOwnerCannotCreateOrganizationsButIamOwnerCan() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        assertFails(() -> accessControl.authorize(principal(), null, Permission.ORG_CREATE),
                PermissionDeniedException.class, "AUTH-5mWD2");

        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        assertThat(accessControl.authorize(principal(), null, Permission.ORG_CREATE)).isEqualTo(home);
    }

    @Test
    void iamRoleCountsForAnOrganizationNamedByTheHeader() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_USER_MANAGER);

        assertThat(accessControl.authorize(principal(), Long.toString(other.id()), Permission.USER_WRITE))
                .isEqualTo(other);
        assertFails(() -> accessControl.authorize(principal(), Long.toString(other.id()), Permission.ORG_WRITE),
                PermissionDeniedException.class, "AUTH-5mWD2");
    }

    @Test
    void unknownOrganizationIsReportedBeforeMissingMembership() {
        assertFails(() -> accessControl.authorize(principal(), "42", Permission.ORG_READ),
                PermissionDeniedException.class, "AUTH-Bs7Ds");
    }

    @Test
    void instanceThatIsNotSetUpIsAPreconditionFailure() {
        AccessControl withoutInstance = new AccessControl(ports.organizations, ports.memberships,
                new InMemoryInstanceRepository());
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertThatThrownBy(() -> withoutInstance.authorize(principal(), null, Permission.ORG_READ))
                .isInstanceOf(PreconditionFailedException.class);
    }

    private Principal principal() {
        return new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId) {
        assertThatThrownBy(call).isInstanceOf(kind)
                .satisfies(e -> assertThat(((WardenException) e).errorId()).isEqualTo(errorId));
    }
}
