package dev.warden.application.service;

import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.UpdateMachineUserCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.AccessTokenType;
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

class UpdateMachineUserServiceTest {

    private UserServiceFixture world;
    private UpdateMachineUserService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new UpdateMachineUserService(world.accessControl, world.ports.users, world.ports.clock);
        robot = world.ports.users.save(ServiceUser.create(world.ports.ids.nextId(), world.home.id(), "robot",
                "Robot", "old", AccessTokenType.JWT, world.ports.clock.instant()));
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void replacesProfileOneChangeLaterAndStoresIt() {
        ServiceUser updated = service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), id(robot),
                " New name ", "new", AccessTokenType.BEARER)).user();

        assertThat(updated.displayName()).isEqualTo("New name");
        assertThat(updated.description()).isEqualTo("new");
        assertThat(updated.accessTokenType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(updated.userName()).isEqualTo("robot");
        assertThat(updated.sequence()).isEqualTo(robot.sequence() + 1);
        assertThat(updated.changedAt()).isEqualTo(world.ports.clock.instant());
        assertThat(updated.createdAt()).isEqualTo(robot.createdAt());
        assertThat(world.ports.users.findById(robot.id())).contains(updated);
        assertThat(world.ports.changes.entries())
                .containsExactly(new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, robot.id()));
    }

    @Test
    void absentValuesTakeTheirProtoDefaults() {
        ServiceUser updated = service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), id(robot),
                "Robot", null, null)).user();

        assertThat(updated.description()).isEmpty();
        assertThat(updated.accessTokenType()).isEqualTo(AccessTokenType.BEARER);
    }

    @Test
    void whitespaceOnlyNameIsUserdataInvalidAndNothingChanges() {
        assertFails(() -> service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), id(robot), "  ",
                "", null)), InvalidArgumentException.class, "COMMAND-bs9Ds", "Userdata is invalid");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNameIsInvalidAndNothingChanges(String name) {
        assertFails(() -> service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), id(robot), name,
                "", null)), InvalidArgumentException.class, null,
                "invalid UpdateMachineRequest.Name: value length must be between 1 and 200 runes, inclusive");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @Test
    void descriptionOfMoreThan500CharactersIsInvalid() {
        assertFails(() -> service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), id(robot), "Robot",
                "d".repeat(501), null)), InvalidArgumentException.class, null,
                "invalid UpdateMachineRequest.Description: value length must be at most 500 runes");
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "abc", ""})
    void unknownUserIsNotFound(String userId) {
        assertNotFound(userId);
    }

    @Test
    void userOfAnotherOrganizationIsNotFoundAndUnchanged() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        assertNotFound(id(stranger));
        assertThat(world.ports.users.findById(stranger.id())).contains(stranger);
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.updateMachineUser(new UpdateMachineUserCommand(world.withOrgRoles(),
                id(robot), "X", null, null)));
    }

    @Test
    void roleWithoutUserWriteIsRefused() {
        assertPermissionDenied(() -> service.updateMachineUser(new UpdateMachineUserCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), "X", null, null)));
        assertThat(world.ports.users.findById(robot.id())).contains(robot);
    }

    private void assertNotFound(String userId) {
        assertFails(() -> service.updateMachineUser(new UpdateMachineUserCommand(world.admin(), userId, "X", null,
                null)), NotFoundException.class, "COMMAND-5M0od", "User could not be found");
    }
}
