package dev.warden.application.service;

import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.UpdateUserNameCommand;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateUserNameServiceTest {

    private UserServiceFixture world;
    private UpdateUserNameService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new UpdateUserNameService(world.accessControl, world.ports.users, world.ports.clock);
        robot = world.ports.serviceUser(world.home, "robot");
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void renamesTheUserOneChangeLater() {
        ServiceUser renamed = rename(" android ");

        assertThat(renamed.userName()).isEqualTo("android");
        assertThat(renamed.sequence()).isEqualTo(robot.sequence() + 1);
        assertThat(renamed.changedAt()).isEqualTo(world.ports.clock.instant());
        assertThat(world.ports.users.findById(robot.id())).contains(renamed);
    }

    @Test
    void changeOfCaseOnlyIsAChange() {
        assertThat(rename("Robot").userName()).isEqualTo("Robot");
    }

    @Test
    void sameNameIsAPreconditionFailure() {
        assertFails(() -> rename("robot"), PreconditionFailedException.class, "COMMAND-6m9gs",
                "Username not changed");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @Test
    void nameOfAnotherUserOfAnyOrganizationIsAlreadyExistsIgnoringCase() {
        world.ports.serviceUser(world.other, "Taken");

        assertFails(() -> rename("tAKEN"), AlreadyExistsException.class, "V3-DKcYh", "User already exists");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNameIsInvalid(String userName) {
        assertFails(() -> rename(userName), InvalidArgumentException.class, null,
                "invalid UpdateUserNameRequest.UserName: value length must be between 1 and 200 runes, inclusive");
    }

    @Test
    void whitespaceOnlyNameIsUserdataInvalid() {
        assertFails(() -> rename("  "), InvalidArgumentException.class, "COMMAND-bm9Ds", "Userdata is invalid");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @Test
    void nameWithControlCharactersIsInvalid() {
        assertFails(() -> rename("ro\u0000bot"), InvalidArgumentException.class, null,
                "invalid UpdateUserNameRequest.UserName: value must not contain control characters");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @Test
    void unknownOrForeignUserIsNotFound() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        for (String userId : new String[] {id(stranger), "123456789", "x"}) {
            assertFails(() -> service.updateUserName(new UpdateUserNameCommand(world.admin(), userId, "new")),
                    NotFoundException.class, "COMMAND-5N9ds", "User could not be found");
        }
        assertThat(world.ports.users.findById(stranger.id())).contains(stranger);
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.updateUserName(new UpdateUserNameCommand(world.withOrgRoles(), id(robot),
                "new")));
    }

    @Test
    void roleWithoutUserWriteIsRefused() {
        assertPermissionDenied(() -> service.updateUserName(new UpdateUserNameCommand(
                world.withOrgRoles(Role.ORG_USER_PERMISSION_EDITOR), id(robot), "new")));
    }

    private ServiceUser rename(String userName) {
        return service.updateUserName(new UpdateUserNameCommand(world.admin(), id(robot), userName)).user();
    }
}
