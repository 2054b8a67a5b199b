package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.ListMembersQuery;
import dev.warden.application.port.in.MemberListResult;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListMembersServiceTest {

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private Instance instance;
    private ServiceUser caller;
    private ServiceUser alice;
    private ServiceUser bob;
    private ListMembersService service;

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
        service = new ListMembersService(ports.accessControl(), ports.memberships, ports.instances, ports.clock);
    }

    @Test
    void membersOfTheCurrentOrganizationWithTheirUsersIncludingUsersOfOtherOrganizations() {
        Membership callerOnHome = ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Membership bobOnHome = ports.grant(bob, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);
        ports.grant(alice, MemberScope.ORG, other.id(), Role.ORG_OWNER);
        ports.grant(alice, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        MemberListResult result = service.listMembers(query(MemberScope.ORG, null, new MemberFilter.All(),
                PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(new Member(bobOnHome, bob), new Member(callerOnHome, caller));
        assertThat(result.page().total()).isEqualTo(2);
        assertThat(result.viewedAt()).isEqualTo(ports.clock.instant());
    }

    @Test
    void headerSelectsTheOrganizationWhoseMembersAnIamMemberLists() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);
        Membership aliceOnOther = ports.grant(alice, MemberScope.ORG, other.id(), Role.ORG_OWNER);
        ports.grant(bob, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        MemberListResult result = service.listMembers(query(MemberScope.ORG, other, new MemberFilter.All(),
                PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(new Member(aliceOnOther, alice));
    }

    @Test
    void instanceMembersAreListedOnTheInstanceScope() {
        Membership callerOnIam = ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        Membership bobOnIam = ports.grant(bob, MemberScope.IAM, instance.id(), Role.IAM_LOGIN_CLIENT);
        ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        MemberListResult result = service.listMembers(query(MemberScope.IAM, other, new MemberFilter.All(),
                PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(new Member(bobOnIam, bob), new Member(callerOnIam, caller));
    }

    @Test
    void filterAndPageReachTheRepository() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);
        Membership aliceOnHome = ports.grant(alice, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);
        ports.grant(bob, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        MemberListResult byUser = service.listMembers(query(MemberScope.ORG, null,
                new MemberFilter.UserId(alice.id()), PageRequest.ALL));
        MemberListResult secondPage = service.listMembers(query(MemberScope.ORG, null, new MemberFilter.All(),
                new PageRequest(1, 1, true)));

        assertThat(byUser.page().items()).containsExactly(new Member(aliceOnHome, alice));
        assertThat(byUser.page().total()).isEqualTo(1);
        assertThat(secondPage.page().items()).extracting(m -> m.user().userName()).containsExactly("bob");
        assertThat(secondPage.page().total()).isEqualTo(3);
    }

    @Test
    void orgOwnerViewerMayListOrgMembersButNotInstanceMembers() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER_VIEWER);

        assertThat(service.listMembers(query(MemberScope.ORG, null, new MemberFilter.All(), PageRequest.ALL))
                .page().total()).isEqualTo(1);
        assertFails(() -> service.listMembers(query(MemberScope.IAM, null, new MemberFilter.All(), PageRequest.ALL)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void orgUserManagerLacksOrgMemberRead() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_USER_MANAGER);

        assertFails(() -> service.listMembers(query(MemberScope.ORG, null, new MemberFilter.All(), PageRequest.ALL)),
                PermissionDeniedException.class, "AUTH-5mWD2", "No matching permissions found");
    }

    @Test
    void callerWithoutMembershipGetsMembershipNotFound() {
        assertFails(() -> service.listMembers(query(MemberScope.ORG, null, new MemberFilter.All(), PageRequest.ALL)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    @Test
    void membershipOfTheHomeOrganizationDoesNotReachIntoAnother() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertFails(() -> service.listMembers(query(MemberScope.ORG, other, new MemberFilter.All(), PageRequest.ALL)),
                NotFoundException.class, "AUTHZ-cdgFk", "membership not found");
    }

    private ListMembersQuery query(MemberScope scope, Organization requestedOrgOrNull, MemberFilter filter,
                                   PageRequest page) {
        Principal principal = new Principal(caller.id(), caller.orgId(), "1", "pat",
                Instant.parse("2030-01-01T00:00:00Z"));
        return new ListMembersQuery(new Caller(principal,
                requestedOrgOrNull == null ? null : Long.toString(requestedOrgOrNull.id())), scope, filter, page);
    }

    private static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId,
                                    String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
    }
}
