package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.fakes.InMemoryMachineSecretRepository;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMachineSecretCommand;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.token.SecretHash;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveMachineSecretServiceTest {

    private UserServiceFixture world;
    private RemoveMachineSecretService service;
    private ServiceUser robot;
    private MachineSecret secret;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new RemoveMachineSecretService(world.accessControl, world.ports.users, world.ports.secrets,
                world.ports.cache, world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        secret = world.ports.secrets.put(MachineSecret.create(robot.id(),
                world.ports.hasher.hash("s3cret".getBytes(StandardCharsets.US_ASCII)), world.ports.clock.instant())
                .replacedBy(world.ports.hasher.hash("n3wer".getBytes(StandardCharsets.US_ASCII)),
                        world.ports.clock.instant()));
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void removesTheSecretAndAnswersChangeDetails() {
        DetailsResult details = remove(id(robot));

        assertThat(details).isEqualTo(new DetailsResult(secret.sequence() + 1, world.ports.clock.instant(),
                world.home.id()));
        assertThat(world.ports.secrets.find(robot.id())).isEmpty();
        assertThat(world.ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, robot.id()));
    }

    @Test
    void theUsersCachedVerificationsAreDropped() {
        IssuedToken token = world.ports.issuePersonalAccessToken(robot, null);
        world.verify(token.token());
        assertThat(world.ports.cache.size()).isEqualTo(1);

        remove(id(robot));

        assertThat(world.ports.cache.size()).isZero();
    }

    @Test
    void userWithoutASecretIsAPreconditionFailure() {
        ServiceUser plain = world.ports.serviceUser(world.home, "plain");

        assertFails(() -> remove(id(plain)), PreconditionFailedException.class, "COMMAND-coi82n",
                "Secret doesn't exist");
        assertThat(world.ports.changes.entries()).isEmpty();
    }

    @Test
    void secondRemovalFindsNoSecret() {
        remove(id(robot));

        assertFails(() -> remove(id(robot)), PreconditionFailedException.class, "COMMAND-coi82n",
                "Secret doesn't exist");
    }

    @Test
    void secretRemovedConcurrentlyIsNotThereToRemove() {
        // The look-up finds the secret in one repository, the delete none in the other.
        InMemoryMachineSecretRepository gone = new InMemoryMachineSecretRepository();
        RemoveMachineSecretService racing = new RemoveMachineSecretService(world.accessControl, world.ports.users,
                new SplitRepository(world.ports.secrets, gone), world.ports.cache,
                world.ports.clock, AuditTrail.none());

        assertFails(() -> racing.removeMachineSecret(new RemoveMachineSecretCommand(world.admin(), id(robot))),
                PreconditionFailedException.class, "COMMAND-coi82n", "Secret doesn't exist");
    }

    @Test
    void unknownMalformedOrForeignUserIsAPreconditionFailureAndTheSecretsStay() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        world.ports.secrets.put(MachineSecret.create(stranger.id(), secret.hash(), world.ports.clock.instant()));
        ServiceUser deleted = world.ports.users.save(world.ports.serviceUser(world.home, "deleted")
                .withState(UserState.DELETED, world.ports.clock.instant()));

        for (String userId : new String[] {id(stranger), id(deleted), "123456789", "robot", "", null}) {
            assertFails(() -> remove(userId), PreconditionFailedException.class, "COMMAND-x7s802",
                    "Errors.User.NotExisting");
        }
        assertThat(world.ports.secrets.all()).hasSize(2);
        assertThat(world.ports.changes.entries()).isEmpty();
    }

    @Test
    void callerWithoutMembershipIsRefusedAndTheSecretStays() {
        assertNoMembership(() -> service.removeMachineSecret(new RemoveMachineSecretCommand(world.withOrgRoles(),
                id(robot))));
        assertThat(world.ports.secrets.find(robot.id())).contains(secret);
    }

    @Test
    void viewerRoleWithoutUserWriteIsRefusedAndTheSecretStays() {
        assertPermissionDenied(() -> service.removeMachineSecret(new RemoveMachineSecretCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot))));
        assertThat(world.ports.secrets.find(robot.id())).contains(secret);
        assertThat(world.ports.changes.entries()).isEmpty();
    }

    @Test
    void instanceOwnerRemovesTheSecretOfAUserOfAnotherOrganizationThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        world.ports.secrets.put(MachineSecret.create(stranger.id(), secret.hash(), world.ports.clock.instant()));

        DetailsResult details = service.removeMachineSecret(new RemoveMachineSecretCommand(
                world.withIamRoles(world.other, Role.IAM_OWNER), id(stranger)));

        assertThat(details.resourceOwner()).isEqualTo(world.other.id());
        assertThat(world.ports.secrets.find(stranger.id())).isEmpty();
        assertThat(world.ports.secrets.find(robot.id())).contains(secret);
    }

    private DetailsResult remove(String userId) {
        return service.removeMachineSecret(new RemoveMachineSecretCommand(world.admin(), userId));
    }

    /** Reads from one repository and writes to another: a concurrent change between the two steps. */
    private record SplitRepository(InMemoryMachineSecretRepository reads, InMemoryMachineSecretRepository writes)
            implements MachineSecretRepository {
        @Override
        public Optional<MachineSecret> find(long userId) {
            return reads.find(userId);
        }

        @Override
        public boolean save(MachineSecret secret) {
            return writes.save(secret);
        }

        @Override
        public boolean remove(long userId) {
            return writes.remove(userId);
        }

        @Override
        public Set<Long> usersWithSecret(Collection<Long> userIds) {
            return reads.usersWithSecret(userIds);
        }

        @Override
        public boolean updateSecretHash(long userId, SecretHash expected, SecretHash replacement) {
            return writes.updateSecretHash(userId, expected, replacement);
        }
    }
}
