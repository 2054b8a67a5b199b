package dev.warden.application.service;

import dev.warden.domain.principal.Principal;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.GetMyOrgQuery;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetMyOrgServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private GetMyOrgService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        service = new GetMyOrgService(new AccessControl(ports.organizations, ports.memberships, ports.instances));
    }

    @Test
    void withoutHeaderTheCallersOwnOrganizationIsReturned() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertThat(service.getMyOrg(new GetMyOrgQuery(principal(), null)).organization()).isEqualTo(home);
    }

    @Test
    void headerSelectsAnotherOrganizationWhereTheCallerIsIamMember() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertThat(service.getMyOrg(query(other.id())).organization()).isEqualTo(other);
        assertThat(service.getMyOrg(query(home.id())).organization()).isEqualTo(home);
    }

    @Test
    void headerSelectsAnotherOrganizationWhereTheCallerIsOrgMember() {
        ports.grant(caller, MemberScope.ORG, other.id(), Role.ORG_OWNER_VIEWER);

        assertThat(service.getMyOrg(query(other.id())).organization()).isEqualTo(other);
    }

    @Test
    void membershipOfTheHomeOrganizationDoesNotReachIntoAnother() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFails(() -> service.getMyOrg(query(other.id())), NotFoundException.class, "AUTHZ-cdgFk");
    }

    @Test
    void unknownOrganizationIdIsPermissionDenied() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFails(() -> service.getMyOrg(query(123456789L)), PermissionDeniedException.class, "AUTH-Bs7Ds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "01", "1e3", " 1", "12345678901234567890", "' OR 1=1 --"})
    void nonNumericOrNonCanonicalOrganizationIdIsPermissionDenied(String header) {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFails(() -> service.getMyOrg(new GetMyOrgQuery(principal(), header)),
                PermissionDeniedException.class, "AUTH-Bs7Ds");
    }

    @Test
    void removedOrganizationIsPermissionDeniedEvenForTheInstanceOwner() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        ports.organizations.save(withState(other, OrgState.REMOVED));

        assertFails(() -> service.getMyOrg(query(other.id())), PermissionDeniedException.class, "AUTH-Bs7Ds");
    }

    @Test
    void removedHomeOrganizationIsPermissionDeniedWithoutHeader() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        ports.organizations.save(withState(home, OrgState.REMOVED));

        assertFails(() -> service.getMyOrg(new GetMyOrgQuery(principal(), null)),
                PermissionDeniedException.class, "AUTH-Bs7Ds");
    }

    @Test
    void callerWithoutAnyMembershipGetsMembershipNotFound() {
        assertFails(() -> service.getMyOrg(new GetMyOrgQuery(principal(), null)),
                NotFoundException.class, "AUTHZ-cdgFk");
    }

    @Test
    void membershipWithoutOrgReadIsPermissionDenied() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_PROJECT_CREATOR);

        assertFails(() -> service.getMyOrg(new GetMyOrgQuery(principal(), null)),
                PermissionDeniedException.class, "AUTH-5mWD2");
    }

    @Test
    void membershipsOfOtherUsersDoNotCount() {
        ServiceUser someoneElse = ports.serviceUser(home, "someone-else");
        ports.grant(someoneElse, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        assertFails(() -> service.getMyOrg(new GetMyOrgQuery(principal(), null)),
                NotFoundException.class, "AUTHZ-cdgFk");
    }

    private GetMyOrgQuery query(long orgId) {
        return new GetMyOrgQuery(principal(), Long.toString(orgId));
    }

    private Principal principal() {
        return new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static Organization withState(Organization org, OrgState state) {
        return new Organization(org.id(), org.name(), org.primaryDomain(), state, org.sequence() + 1,
                org.createdAt(), org.changedAt());
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId) {
        assertThatThrownBy(call).isInstanceOf(kind)
                .satisfies(e -> assertThat(((WardenException) e).errorId()).isEqualTo(errorId));
    }
}
