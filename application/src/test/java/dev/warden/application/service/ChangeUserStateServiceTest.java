package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.domain.serviceuser.UserTransition;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeUserStateServiceTest {

    private UserServiceFixture world;
    private ChangeUserStateService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new ChangeUserStateService(world.accessControl, world.ports.users, world.ports.cache,
                world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0} from {1} leads to {2}")
    @CsvSource({
            "DEACTIVATE, ACTIVE, INACTIVE",
            "REACTIVATE, INACTIVE, ACTIVE",
            "LOCK, ACTIVE, LOCKED",
            "LOCK, INACTIVE, LOCKED",
            "UNLOCK, LOCKED, ACTIVE"})
    void allowedTransitionIsStoredOneChangeLater(UserTransition transition, UserState from, UserState to) {
        ServiceUser before = inState(from);

        DetailsResult details = change(transition);

        ServiceUser after = world.ports.users.findById(robot.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(to);
        assertThat(after.sequence()).isEqualTo(before.sequence() + 1);
        assertThat(details).isEqualTo(new DetailsResult(after.sequence(), world.ports.clock.instant(),
                world.home.id()));
    }

    @ParameterizedTest(name = "{0} from {1} fails with {2}")
    @CsvSource({
            "DEACTIVATE, INACTIVE, COMMAND-5M0sf, User already inactive",
            "DEACTIVATE, LOCKED, COMMAND-5M0sg, User is locked",
            "REACTIVATE, ACTIVE, COMMAND-6M0sf, User is not inactive",
            "REACTIVATE, LOCKED, COMMAND-6M0sf, User is not inactive",
            "LOCK, LOCKED, COMMAND-3NN8v, User is already locked",
            "UNLOCK, ACTIVE, COMMAND-4M0ds, User is not locked",
            "UNLOCK, INACTIVE, COMMAND-4M0ds, User is not locked"})
    void refusedTransitionChangesNothing(UserTransition transition, UserState from, String errorId, String text) {
        ServiceUser before = inState(from);
        world.ports.changes.clear();

        assertFails(() -> change(transition), PreconditionFailedException.class, errorId, text);

        assertThat(world.ports.users.findById(robot.id())).contains(before);
        assertThat(world.ports.changes.all()).isEmpty();
    }

    @Test
    void deactivatedUsersTokenIsRefusedOnTheVeryNextRequest() {
        IssuedToken token = world.ports.issuePersonalAccessToken(robot, null);
        assertThat(world.verify(token.token())).isInstanceOf(Verification.Verified.class);

        change(UserTransition.DEACTIVATE);

        assertThat(world.verify(token.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void lockedUsersCachedTokenIsRefusedOnTheVeryNextRequest() {
        IssuedToken token = world.ports.issuePersonalAccessToken(robot, null);
        world.verify(token.token());

        change(UserTransition.LOCK);

        assertThat(world.verify(token.token())).isInstanceOf(Verification.Rejected.class);
        assertThat(world.ports.cache.size()).isZero();
    }

    @Test
    void otherUsersCacheEntriesStay() {
        ServiceUser bystander = world.ports.serviceUser(world.home, "bystander");
        IssuedToken token = world.ports.issuePersonalAccessToken(bystander, null);
        world.verify(token.token());

        change(UserTransition.DEACTIVATE);

        assertThat(world.ports.cache.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(UserTransition.class)
    void unknownOrForeignUserIsNotFound(UserTransition transition) {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        for (String userId : new String[] {id(stranger), "123456789", "abc", null}) {
            assertFails(() -> service.changeUserState(new ChangeUserStateCommand(world.admin(), userId, transition)),
                    NotFoundException.class, "COMMAND-3M9ds", "User could not be found");
        }
        assertThat(world.ports.users.findById(stranger.id())).contains(stranger);
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.changeUserState(new ChangeUserStateCommand(world.withOrgRoles(), id(robot),
                UserTransition.DEACTIVATE)));
    }

    @Test
    void roleWithoutUserWriteIsRefusedAndTheUserStaysActive() {
        assertPermissionDenied(() -> service.changeUserState(new ChangeUserStateCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), UserTransition.LOCK)));
        assertThat(world.ports.users.findById(robot.id())).map(ServiceUser::state).contains(UserState.ACTIVE);
    }

    private DetailsResult change(UserTransition transition) {
        return service.changeUserState(new ChangeUserStateCommand(world.admin(), id(robot), transition));
    }

    private ServiceUser inState(UserState state) {
        return state == robot.state() ? robot : world.ports.users.save(robot.withState(state, robot.createdAt()));
    }
}
