package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMachineKeyCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.warden.application.service.MachineKeyServiceFixture.storedKey;
import static dev.warden.application.service.UserServiceFixture.FAR_FUTURE;
import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveMachineKeyServiceTest {

    private UserServiceFixture world;
    private RemoveMachineKeyService service;
    private ServiceUser robot;
    private MachineKey key;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new RemoveMachineKeyService(world.accessControl, world.ports.machineKeys, world.ports.cache,
                world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        key = storedKey(world, robot);
    }

    @Test
    void removesTheKeyWritesTheFeedAndAnswersChangeDetails() {
        DetailsResult details = remove(world.admin(), id(robot), Long.toString(key.id()));

        assertThat(world.ports.machineKeys.findById(key.id())).isEmpty();
        assertThat(details).isEqualTo(new DetailsResult(key.sequence() + 1, world.ports.clock.instant(),
                world.home.id()));
        assertThat(world.ports.changes.all()).anySatisfy(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CREDENTIAL_REVOKED);
            assertThat(change.subjectId()).isEqualTo(key.id());
        });
    }

    @Test
    void verificationsMadeWithTheKeyAreForgottenOnThisNode() {
        Principal verifiedWithKey = new Principal(robot.id(), robot.orgId(), Long.toString(key.id()), "jwt-profile",
                FAR_FUTURE);
        world.ports.cache.put("digest", verifiedWithKey);

        remove(world.admin(), id(robot), Long.toString(key.id()));

        assertThat(world.ports.cache.get("digest")).isEmpty();
    }

    @Test
    void theOtherKeysStay() {
        MachineKey other = storedKey(world, robot, 1);

        remove(world.admin(), id(robot), Long.toString(key.id()));

        assertThat(world.ports.machineKeys.findById(other.id())).contains(other);
    }

    @Test
    void unknownKeyOrKeyOfAnotherUserOrOrganizationIsNotFoundAndNothingIsRemoved() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        MachineKey strangersKey = storedKey(world, stranger);

        String[][] misses = {
                {id(robot), "123456789"}, {id(stranger), Long.toString(strangersKey.id())},
                {id(robot), Long.toString(strangersKey.id())}, {"robot", Long.toString(key.id())}, {null, null}};
        for (String[] miss : misses) {
            assertFails(() -> remove(world.admin(), miss[0], miss[1]), NotFoundException.class, "COMMAND-4m77G",
                    "Machine key not found");
        }
        assertThat(world.ports.machineKeys.all()).hasSize(2);
    }

    @Test
    void removingTwiceIsNotFoundTheSecondTime() {
        remove(world.admin(), id(robot), Long.toString(key.id()));

        assertFails(() -> remove(world.admin(), id(robot), Long.toString(key.id())), NotFoundException.class,
                "COMMAND-4m77G", "Machine key not found");
    }

    @Test
    void viewerMayNotRemoveAndCallerWithoutMembershipIsRefused() {
        assertPermissionDenied(() -> remove(world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot),
                Long.toString(key.id())));
        assertNoMembership(() -> remove(world.withOrgRoles(), id(robot), Long.toString(key.id())));
        assertThat(world.ports.machineKeys.findById(key.id())).contains(key);
    }

    private DetailsResult remove(Caller caller, String userId, String keyId) {
        return service.removeMachineKey(new RemoveMachineKeyCommand(caller, userId, keyId));
    }
}
