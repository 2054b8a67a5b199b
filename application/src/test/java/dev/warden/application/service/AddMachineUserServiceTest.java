package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddMachineUserCommand;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;

class AddMachineUserServiceTest {

    private static final String NAME_LENGTH =
            "value length must be between 1 and 200 runes, inclusive";

    private UserServiceFixture world;
    private AddMachineUserService service;
    private int usersBefore;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new AddMachineUserService(world.accessControl, world.ports.users, world.ports.ids, world.ports.clock);
        usersBefore = world.ports.users.all().size();
    }

    @Test
    void createsAnActiveUserInTheCallersOrganization() {
        ServiceUser user = service.addMachineUser(new AddMachineUserCommand(world.admin(), "  robot ",
                " My Machine ", "CI bot", null, null)).user();

        assertThat(user.orgId()).isEqualTo(world.home.id());
        assertThat(user.userName()).isEqualTo("robot");
        assertThat(user.displayName()).isEqualTo("My Machine");
        assertThat(user.description()).isEqualTo("CI bot");
        assertThat(user.accessTokenType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(user.state()).isEqualTo(UserState.ACTIVE);
        assertThat(user.sequence()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(world.ports.clock.instant());
        assertThat(world.ports.users.findById(user.id())).contains(user);
    }

    @Test
    void keepsTheRequestedAccessTokenTypeAndAnAbsentDescriptionIsEmpty() {
        ServiceUser user = service.addMachineUser(new AddMachineUserCommand(world.admin(), "jwt-bot", "JWT",
                null, AccessTokenType.JWT, null)).user();

        assertThat(user.accessTokenType()).isEqualTo(AccessTokenType.JWT);
        assertThat(user.description()).isEmpty();
    }

    @Test
    void headerSelectsTheOrganizationTheUserIsCreatedIn() {
        Caller iamOwner = world.withIamRoles(world.other, Role.IAM_OWNER);

        ServiceUser user = service.addMachineUser(command(iamOwner, "elsewhere")).user();

        assertThat(user.orgId()).isEqualTo(world.other.id());
    }

    @Test
    void callerWithoutMembershipIsRefusedAndNothingIsStored() {
        assertNoMembership(() -> service.addMachineUser(command(world.withOrgRoles(), "robot")));
        assertThat(world.ports.users.all()).hasSize(usersBefore + 1);
    }

    @Test
    void roleWithoutUserWriteIsRefused() {
        Caller viewer = world.withOrgRoles(Role.ORG_OWNER_VIEWER);
        int before = world.ports.users.all().size();

        assertPermissionDenied(() -> service.addMachineUser(command(viewer, "robot")));
        assertThat(world.ports.users.all()).hasSize(before);
    }

    @Test
    void authorizationIsCheckedBeforeTheRequestIsValidated() {
        // ZITADEL authorizes before it validates (contract §1.4): no membership beats a bad body.
        assertNoMembership(() -> service.addMachineUser(command(world.withOrgRoles(), "")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingUserNameIsInvalid(String userName) {
        assertInvalid(command(world.admin(), userName), "invalid AddMachineUserRequest.UserName: " + NAME_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "\t"})
    void whitespaceOnlyUserNameIsUserdataInvalid(String userName) {
        int before = world.ports.users.all().size();
        assertFails(() -> service.addMachineUser(command(world.admin(), userName)), InvalidArgumentException.class,
                "COMMAND-bm9Ds", "Userdata is invalid");
        assertThat(world.ports.users.all()).hasSize(before);
    }

    @Test
    void userNameOfMoreThan200CharactersIsInvalidButOf200IsFine() {
        assertInvalid(command(world.admin(), "a".repeat(201)),
                "invalid AddMachineUserRequest.UserName: " + NAME_LENGTH);

        // 200 characters outside the BMP: 400 chars in Java, still 200 runes.
        String emoji = "😀".repeat(200);
        assertThat(service.addMachineUser(command(world.admin(), emoji)).user().userName()).isEqualTo(emoji);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\tinside", "bell\u0007", "del\u007f"})
    void userNameWithControlCharactersIsInvalid(String userName) {
        assertInvalid(command(world.admin(), userName),
                "invalid AddMachineUserRequest.UserName: value must not contain control characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNameIsInvalid(String name) {
        assertInvalid(new AddMachineUserCommand(world.admin(), "robot", name, null, null, null),
                "invalid AddMachineUserRequest.Name: " + NAME_LENGTH);
    }

    @Test
    void whitespaceOnlyNameIsUserdataInvalid() {
        assertFails(() -> service.addMachineUser(new AddMachineUserCommand(world.admin(), "robot", "  ", null, null,
                null)), InvalidArgumentException.class, "COMMAND-bs9Ds", "Userdata is invalid");
    }

    @Test
    void nameOfMoreThan200CharactersIsInvalid() {
        assertInvalid(new AddMachineUserCommand(world.admin(), "robot", "n".repeat(201), null, null, null),
                "invalid AddMachineUserRequest.Name: " + NAME_LENGTH);
    }

    @Test
    void descriptionOfMoreThan500CharactersIsInvalidButOf500IsFine() {
        assertInvalid(new AddMachineUserCommand(world.admin(), "robot", "Robot", "d".repeat(501), null, null),
                "invalid AddMachineUserRequest.Description: value length must be at most 500 runes");

        assertThat(service.addMachineUser(new AddMachineUserCommand(world.admin(), "robot", "Robot",
                "d".repeat(500), null, null)).user().description()).hasSize(500);
    }

    @Test
    void userNameTakenInAnyOrganizationIgnoringCaseIsAlreadyExists() {
        world.ports.serviceUser(world.other, "Robot");
        int before = world.ports.users.all().size();

        assertFails(() -> service.addMachineUser(command(world.admin(), "rOBOT")),
                AlreadyExistsException.class, "V3-DKcYh", "User already exists");
        assertThat(world.ports.users.all()).hasSize(before);
    }

    @Test
    void callerChosenIdIsUsed() {
        ServiceUser user = service.addMachineUser(new AddMachineUserCommand(world.admin(), "robot", "Robot", null,
                null, "123456789012345678")).user();

        assertThat(user.id()).isEqualTo(123_456_789_012_345_678L);
        assertThat(world.ports.users.findById(123_456_789_012_345_678L)).isPresent();
    }

    @Test
    void callerChosenIdOfAnExistingUserIsAPreconditionFailure() {
        // The id is taken by a user of another organization: it is unique across the instance.
        ServiceUser existing = world.ports.serviceUser(world.other, "existing");

        assertFails(() -> service.addMachineUser(new AddMachineUserCommand(world.admin(), "robot", "Robot", null,
                null, Long.toString(existing.id()))), PreconditionFailedException.class, "COMMAND-k2una",
                "Errors.User.AlreadyExisting");
        assertThat(world.ports.users.findById(existing.id())).contains(existing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "-1", "01", "1.5", " 12", "99999999999999999999", "robot-1"})
    void callerChosenIdThatIsNoPositiveDecimalIsInvalid(String userId) {
        assertInvalid(new AddMachineUserCommand(world.admin(), "robot", "Robot", null, null, userId),
                "invalid AddMachineUserRequest.UserId: value must be a positive decimal number of at most 19 digits");
    }

    private void assertInvalid(AddMachineUserCommand command, String message) {
        int before = world.ports.users.all().size();
        assertFails(() -> service.addMachineUser(command), InvalidArgumentException.class, null, message);
        assertThat(world.ports.users.all()).hasSize(before);
    }

    private static AddMachineUserCommand command(Caller caller, String userName) {
        return new AddMachineUserCommand(caller, userName, "Robot", "", null, null);
    }
}
