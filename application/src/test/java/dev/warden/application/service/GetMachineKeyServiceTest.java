package dev.warden.application.service;

import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetMachineKeyQuery;
import dev.warden.application.port.in.MachineKeyResult;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.warden.application.service.MachineKeyServiceFixture.storedKey;
import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class GetMachineKeyServiceTest {

    private UserServiceFixture world;
    private GetMachineKeyService service;
    private ServiceUser robot;
    private MachineKey key;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new GetMachineKeyService(world.accessControl, world.ports.machineKeys);
        robot = world.ports.serviceUser(world.home, "robot");
        key = storedKey(world, robot);
    }

    @Test
    void returnsTheStoredKey() {
        MachineKeyResult result = get(world.admin(), id(robot), Long.toString(key.id()));

        assertThat(result.key()).isEqualTo(key);
    }

    @Test
    void viewerMayReadAKey() {
        assertThat(get(world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), Long.toString(key.id())).key())
                .isEqualTo(key);
    }

    @Test
    void unknownKeyOrKeyOfAnotherUserOrOrganizationIsNotFound() {
        ServiceUser neighbour = world.ports.serviceUser(world.home, "neighbour");
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        MachineKey strangersKey = storedKey(world, stranger);

        String[][] misses = {
                {id(robot), "123456789"}, {id(neighbour), Long.toString(key.id())},
                {id(stranger), Long.toString(strangersKey.id())}, {id(robot), Long.toString(strangersKey.id())},
                {"robot", Long.toString(key.id())}, {id(robot), "key"}, {null, null}};
        for (String[] miss : misses) {
            assertFails(() -> get(world.admin(), miss[0], miss[1]), NotFoundException.class, "QUERY-Tha6f",
                    "Errors.AuthNKey.NotFound");
        }
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> get(world.withOrgRoles(), id(robot), Long.toString(key.id())));
    }

    private MachineKeyResult get(dev.warden.application.authz.Caller caller, String userId, String keyId) {
        return service.getMachineKey(new GetMachineKeyQuery(caller, userId, keyId));
    }
}
