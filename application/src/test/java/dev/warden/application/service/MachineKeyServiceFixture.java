package dev.warden.application.service;

import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.serviceuser.ServiceUser;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/** Stored machine keys for the get, list and remove tests. */
final class MachineKeyServiceFixture {

    private MachineKeyServiceFixture() {
    }

    /** Stores a key for {@code user}, created {@code minutesLater} after the clock's current time. */
    static MachineKey storedKey(UserServiceFixture world, ServiceUser user, int minutesLater) {
        RSAPublicKey publicKey = (RSAPublicKey) FakeRsaKeyGenerator.pair(minutesLater).getPublic();
        return world.ports.machineKeys.save(MachineKey.create(world.ports.ids.nextId(), user.id(), user.orgId(),
                publicKey, null, world.ports.clock.instant().plus(Duration.ofMinutes(minutesLater))));
    }

    static MachineKey storedKey(UserServiceFixture world, ServiceUser user) {
        return storedKey(world, user, 0);
    }
}
