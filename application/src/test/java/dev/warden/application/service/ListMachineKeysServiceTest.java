package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.ListMachineKeysQuery;
import dev.warden.application.port.in.MachineKeyListResult;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.warden.application.service.MachineKeyServiceFixture.storedKey;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class ListMachineKeysServiceTest {

    private UserServiceFixture world;
    private ListMachineKeysService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new ListMachineKeysService(world.accessControl, world.ports.users, world.ports.machineKeys,
                world.ports.clock);
        robot = world.ports.serviceUser(world.home, "robot");
    }

    @Test
    void listsTheUsersKeysByCreationPagedWithTheTotal() {
        MachineKey second = storedKey(world, robot, 2);
        MachineKey first = storedKey(world, robot, 1);
        MachineKey third = storedKey(world, robot, 3);
        storedKey(world, world.ports.serviceUser(world.home, "neighbour"), 4);

        MachineKeyListResult ascending = list(world.admin(), id(robot), new PageRequest(0, 0, true));
        MachineKeyListResult newest = list(world.admin(), id(robot), new PageRequest(0, 2, false));

        assertThat(ascending.page().items()).containsExactly(first, second, third);
        assertThat(ascending.page().total()).isEqualTo(3);
        assertThat(ascending.viewedAt()).isEqualTo(world.ports.clock.instant());
        assertThat(newest.page().items()).containsExactly(third, second);
        assertThat(newest.page().total()).isEqualTo(3);
    }

    @Test
    void viewerMayListKeys() {
        storedKey(world, robot);

        assertThat(list(world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), PageRequest.ALL).page().items())
                .hasSize(1);
    }

    @Test
    void unknownOrForeignUserHasNoKeys() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        storedKey(world, stranger);

        for (String userId : new String[] {id(stranger), "123456789", "robot", null}) {
            MachineKeyListResult result = list(world.admin(), userId, PageRequest.ALL);
            assertThat(result.page().items()).isEmpty();
            assertThat(result.page().total()).isZero();
        }
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> list(world.withOrgRoles(), id(robot), PageRequest.ALL));
    }

    private MachineKeyListResult list(Caller caller, String userId, PageRequest page) {
        return service.listMachineKeys(new ListMachineKeysQuery(caller, userId, page));
    }
}
