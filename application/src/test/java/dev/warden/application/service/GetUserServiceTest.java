package dev.warden.application.service;

import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetUserQuery;
import dev.warden.application.port.in.UserResult;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class GetUserServiceTest {

    private UserServiceFixture world;
    private GetUserService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new GetUserService(world.accessControl, world.ports.users, world.ports.secrets);
        robot = world.ports.serviceUser(world.home, "robot");
    }

    @Test
    void returnsAUserOfTheCurrentOrganization() {
        assertThat(service.getUser(new GetUserQuery(world.admin(), id(robot))).user()).isEqualTo(robot);
    }

    @Test
    void userWithoutASecretHasNone() {
        assertThat(service.getUser(new GetUserQuery(world.admin(), id(robot))).hasSecret()).isFalse();
    }

    @Test
    void userWithASecretSaysSoAndOnlyThatUser() {
        ServiceUser other = world.ports.serviceUser(world.home, "other");
        world.ports.secrets.put(MachineSecret.create(robot.id(), world.ports.hasher.hash(new byte[] {1}),
                world.ports.clock.instant()));

        UserResult result = service.getUser(new GetUserQuery(world.admin(), id(robot)));

        assertThat(result).isEqualTo(new UserResult(robot, true));
        assertThat(service.getUser(new GetUserQuery(world.admin(), id(other))).hasSecret()).isFalse();
    }

    @Test
    void userOfAnotherOrganizationIsNotFound() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        assertNotFound(id(stranger));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "abc", "-1", "0", "1e3", "' OR 1=1 --"})
    void unknownOrMalformedIdIsNotFound(String userId) {
        assertNotFound(userId);
    }

    @Test
    void instanceOwnerReadsAnotherOrganizationsUserThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        assertThat(service.getUser(new GetUserQuery(world.withIamRoles(world.other, Role.IAM_OWNER), id(stranger)))
                .user()).isEqualTo(stranger);
        // ...but that header makes the home organization's users foreign.
        assertFails(() -> service.getUser(new GetUserQuery(world.withIamRoles(world.other, Role.IAM_OWNER),
                id(robot))), NotFoundException.class, "QUERY-Dfbg2", "User could not be found");
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.getUser(new GetUserQuery(world.withOrgRoles(), id(robot))));
    }

    @Test
    void roleWithoutUserReadIsRefused() {
        assertPermissionDenied(() -> service.getUser(new GetUserQuery(
                world.withOrgRoles(Role.ORG_SETTINGS_MANAGER), id(robot))));
    }

    private void assertNotFound(String userId) {
        assertFails(() -> service.getUser(new GetUserQuery(world.admin(), userId)), NotFoundException.class,
                "QUERY-Dfbg2", "User could not be found");
    }
}
