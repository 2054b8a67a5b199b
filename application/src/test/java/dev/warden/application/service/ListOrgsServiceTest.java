package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.ListOrgsQuery;
import dev.warden.application.port.in.OrganizationListResult;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListOrgsServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization acme;
    private Organization acmeLabs;
    private Instance instance;
    private ServiceUser caller;
    private ListOrgsService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        acme = ports.organization("Acme");
        acmeLabs = ports.organization("Acme Labs");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
        ports.clock.advance(Duration.ofMinutes(1));
        service = new ListOrgsService(ports.accessControl(), ports.organizations, ports.clock);
    }

    @Test
    void iamOwnerListsEveryOrganizationOfTheInstance() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        OrganizationListResult result = service.listOrgs(query(new OrgFilter.All(), PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(acme, acmeLabs, home);
        assertThat(result.page().total()).isEqualTo(3);
        assertThat(result.viewedAt()).isEqualTo(ports.clock.instant());
    }

    @Test
    void filterAndPageReachTheRepository() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        OrganizationListResult result = service.listOrgs(query(
                new OrgFilter.Name("acme", TextMatch.STARTS_WITH_IGNORE_CASE), new PageRequest(0, 1, false)));

        assertThat(result.page().items()).containsExactly(acmeLabs);
        assertThat(result.page().total()).isEqualTo(2);
    }

    @Test
    void stateFilterFindsInactiveOrganizations() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Organization inactive = ports.organizations.save(acme.withState(OrgState.INACTIVE, ports.clock.instant()));

        OrganizationListResult result = service.listOrgs(query(new OrgFilter.State(OrgState.INACTIVE),
                PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(inactive);
    }

    @Test
    void orgOwnerIsDenied() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFails(() -> service.listOrgs(query(new OrgFilter.All(), PageRequest.ALL)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void iamOrgManagerIsDenied() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_ORG_MANAGER);

        assertFails(() -> service.listOrgs(query(new OrgFilter.All(), PageRequest.ALL)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFails(() -> service.listOrgs(query(new OrgFilter.All(), PageRequest.ALL)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private ListOrgsQuery query(OrgFilter filter, PageRequest page) {
        return new ListOrgsQuery(new Caller(
                new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z")), null),
                filter, page);
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId,
                                    String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
    }
}
