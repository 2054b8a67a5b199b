package dev.warden.application.service;

import dev.warden.application.port.in.ListUsersQuery;
import dev.warden.application.port.in.UserListResult;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;

class ListUsersServiceTest {

    private UserServiceFixture world;
    private ListUsersService service;
    private ServiceUser alpha;
    private ServiceUser beta;
    private ServiceUser stranger;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new ListUsersService(world.accessControl, world.ports.users, world.ports.secrets,
                world.ports.clock);
        beta = world.ports.serviceUser(world.home, "beta");
        alpha = world.ports.serviceUser(world.home, "alpha");
        stranger = world.ports.serviceUser(world.other, "aardvark");
        world.ports.clock.advance(Duration.ofSeconds(7));
    }

    @Test
    void listsOnlyTheCurrentOrganizationsUsersSortedAndPaged() {
        UserListResult result = service.listUsers(new ListUsersQuery(world.admin(), new UserFilter.All(),
                UserSort.USER_NAME, new PageRequest(0, 2, true)));

        assertThat(result.page().items()).containsExactly(world.admin, alpha);
        assertThat(result.page().total()).isEqualTo(3);
        assertThat(result.viewedAt()).isEqualTo(world.ports.clock.instant());
    }

    @Test
    void tellsWhichUsersOfThePageHaveASecret() {
        world.ports.secrets.put(MachineSecret.create(alpha.id(), world.ports.hasher.hash(new byte[] {1}),
                world.ports.clock.instant()));
        world.ports.secrets.put(MachineSecret.create(stranger.id(), world.ports.hasher.hash(new byte[] {2}),
                world.ports.clock.instant()));

        UserListResult result = service.listUsers(new ListUsersQuery(world.admin(), new UserFilter.All(),
                UserSort.USER_NAME, PageRequest.ALL));

        assertThat(result.usersWithSecret()).containsExactly(alpha.id());
        assertThat(result.hasSecret(alpha)).isTrue();
        assertThat(result.hasSecret(beta)).isFalse();
        assertThat(result.hasSecret(world.admin)).isFalse();
    }

    @Test
    void anEmptyPageHasNoUsersWithASecret() {
        UserListResult result = service.listUsers(new ListUsersQuery(world.admin(),
                new UserFilter.UserName("nobody", TextMatch.EQUALS), UserSort.USER_NAME, PageRequest.ALL));

        assertThat(result.page().items()).isEmpty();
        assertThat(result.usersWithSecret()).isEmpty();
    }

    @Test
    void filterThatWouldMatchAnotherOrganizationsUserStillStaysInTheCurrentOne() {
        UserListResult result = service.listUsers(new ListUsersQuery(world.admin(),
                new UserFilter.UserName("a", TextMatch.STARTS_WITH), UserSort.USER_NAME, PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(world.admin, alpha);
    }

    @Test
    void headerSelectsTheOrganizationThatIsListed() {
        UserListResult result = service.listUsers(new ListUsersQuery(world.withIamRoles(world.other,
                Role.IAM_OWNER_VIEWER), new UserFilter.All(), UserSort.ID, PageRequest.ALL));

        assertThat(result.page().items()).containsExactly(stranger);
    }

    @Test
    void descendingOrderIsTheDefaultDirectionOfAPageRequest() {
        UserListResult result = service.listUsers(new ListUsersQuery(world.admin(), new UserFilter.All(),
                UserSort.USER_NAME, new PageRequest(1, 0, false)));

        assertThat(result.page().items()).containsExactly(alpha, world.admin);
        assertThat(result.page().total()).isEqualTo(3);
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.listUsers(new ListUsersQuery(world.withOrgRoles(), new UserFilter.All(),
                UserSort.ID, PageRequest.ALL)));
    }

    @Test
    void roleWithoutUserReadIsRefused() {
        assertPermissionDenied(() -> service.listUsers(new ListUsersQuery(
                world.withOrgRoles(Role.ORG_PROJECT_CREATOR), new UserFilter.All(), UserSort.ID, PageRequest.ALL)));
    }
}
