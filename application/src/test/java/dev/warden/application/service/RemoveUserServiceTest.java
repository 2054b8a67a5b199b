package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveUserServiceTest {

    private UserServiceFixture world;
    private RemoveUserService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new RemoveUserService(world.accessControl, world.ports.users, world.ports.cache, world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void removesTheUserWithItsTokensAndMemberships() {
        world.ports.grant(robot, MemberScope.ORG, world.home.id(), Role.ORG_OWNER_VIEWER);
        world.ports.issuePersonalAccessToken(robot, null);

        DetailsResult details = service.removeUser(new RemoveUserCommand(world.admin(), id(robot)));

        assertThat(details).isEqualTo(new DetailsResult(robot.sequence() + 1, world.ports.clock.instant(),
                world.home.id()));
        assertThat(world.ports.users.findById(robot.id())).isEmpty();
        assertThat(world.ports.tokens.findByUser(robot.id())).isEmpty();
        assertThat(world.ports.memberships.findByUser(robot.id())).isEmpty();
        assertThat(world.ports.users.findById(world.admin.id())).isPresent();
    }

    @Test
    void removedUsersCachedTokenIsRefusedOnTheVeryNextRequest() {
        IssuedToken token = world.ports.issuePersonalAccessToken(robot, null);
        assertThat(world.verify(token.token())).isInstanceOf(Verification.Verified.class);

        service.removeUser(new RemoveUserCommand(world.admin(), id(robot)));

        assertThat(world.ports.cache.size()).isZero();
        assertThat(world.verify(token.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void unknownOrForeignUserIsNotFoundAndNothingIsRemoved() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        int before = world.ports.users.all().size();

        for (String userId : new String[] {id(stranger), "123456789", "robot", null}) {
            assertFails(() -> service.removeUser(new RemoveUserCommand(world.admin(), userId)),
                    NotFoundException.class, "COMMAND-m9od", "User could not be found");
        }
        assertThat(world.ports.users.all()).hasSize(before);
    }

    @Test
    void secondRemovalIsNotFound() {
        service.removeUser(new RemoveUserCommand(world.admin(), id(robot)));

        assertFails(() -> service.removeUser(new RemoveUserCommand(world.admin(), id(robot))),
                NotFoundException.class, "COMMAND-m9od", "User could not be found");
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.removeUser(new RemoveUserCommand(world.withOrgRoles(), id(robot))));
    }

    @Test
    void userWriteWithoutUserDeleteIsRefused() {
        // IAM_LOGIN_CLIENT may write users but not delete them (contract §5.3).
        assertPermissionDenied(() -> service.removeUser(new RemoveUserCommand(
                world.withIamRoles(world.home, Role.IAM_LOGIN_CLIENT), id(robot))));
        assertThat(world.ports.users.findById(robot.id())).isPresent();
    }

    @Test
    void instanceUserManagerRemovesAUserOfAnotherOrganizationThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        DetailsResult details = service.removeUser(new RemoveUserCommand(
                world.withIamRoles(world.other, Role.IAM_USER_MANAGER), id(stranger)));

        assertThat(details.resourceOwner()).isEqualTo(world.other.id());
        assertThat(world.ports.users.findById(stranger.id())).isEmpty();
    }
}
