package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.port.in.AddMachineKeyCommand;
import dev.warden.application.port.in.RemoveOrgCommand;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.domain.key.KeyType;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.Test;

import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's machine keys go with the user, and with the user's organization. */
class MachineKeyCascadeTest {

    private final UserServiceFixture world = new UserServiceFixture();
    private final AddMachineKeyService add = new AddMachineKeyService(world.accessControl, world.ports.users,
            world.ports.machineKeys, world.ports.keyGenerator, world.ports.ids, world.ports.clock, AuditTrail.none());

    @Test
    void removingAUserRemovesItsKeysAndLeavesOthersAlone() {
        ServiceUser robot = world.ports.serviceUser(world.home, "robot");
        ServiceUser neighbour = world.ports.serviceUser(world.home, "neighbour");
        addKey(robot);
        addKey(robot);
        MachineKey kept = addKey(neighbour);

        new RemoveUserService(world.accessControl, world.ports.users, world.ports.cache, world.ports.clock, AuditTrail.none())
                .removeUser(new RemoveUserCommand(world.admin(), id(robot)));

        assertThat(world.ports.machineKeys.all()).containsExactly(kept);
    }

    @Test
    void removingAnOrganizationRemovesItsUsersKeys() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        ServiceUser owner = world.ports.serviceUser(world.other, "owner");
        world.ports.grant(owner, MemberScope.ORG, world.other.id(), Role.ORG_OWNER);
        ServiceUser robot = world.ports.serviceUser(world.home, "robot");
        world.ports.machineKeys.save(MachineKey.create(world.ports.ids.nextId(), stranger.id(), stranger.orgId(),
                (java.security.interfaces.RSAPublicKey) world.ports.keyGenerator.generate().getPublic(), null,
                world.ports.clock.instant()));
        MachineKey kept = addKey(robot);

        new RemoveOrgService(world.accessControl, world.ports.organizations, world.ports.instances, world.ports.cache,
                world.ports.clock).removeOrg(new RemoveOrgCommand(UserServiceFixture.callerOf(owner, null)));

        assertThat(world.ports.machineKeys.all()).containsExactly(kept);
    }

    private MachineKey addKey(ServiceUser user) {
        return add.addMachineKey(new AddMachineKeyCommand(world.admin(), id(user), KeyType.JSON, null, null)).key();
    }
}
