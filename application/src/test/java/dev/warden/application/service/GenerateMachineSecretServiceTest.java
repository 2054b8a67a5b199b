package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.fakes.InMemoryMachineSecretRepository;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GenerateMachineSecretCommand;
import dev.warden.application.port.in.GeneratedMachineSecretResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateMachineSecretServiceTest {

    private UserServiceFixture world;
    private GenerateMachineSecretService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new GenerateMachineSecretService(world.accessControl, world.ports.users, world.ports.secrets,
                world.ports.hasher, world.ports.cache, world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        world.ports.clock.advance(Duration.ofMinutes(1));
        // The fixture's verifier hashed its dummy secret: count only what the service hashes.
        world.ports.hasher.resetCounts();
    }

    @Test
    void storesOnlyTheHashAndReturnsTheSecretOnceWithTheUserNameAsClientId() {
        Instant now = world.ports.clock.instant();

        GeneratedMachineSecretResult result = generate(id(robot));

        assertThat(result.clientId()).isEqualTo("robot");
        assertThat(result.clientSecret()).matches("[A-Za-z0-9]{64}");
        assertThat(result.details()).isEqualTo(new DetailsResult(1, now, world.home.id()));
        MachineSecret stored = world.ports.secrets.find(robot.id()).orElseThrow();
        assertThat(stored).isEqualTo(new MachineSecret(robot.id(), stored.hash(), 1, now, now));
        assertThat(world.ports.hasher.verify(stored.hash(), bytes(result.clientSecret()))).isTrue();
        assertThat(stored.hash().phc()).doesNotContain(result.clientSecret());
        assertThat(world.ports.hasher.hashCalls()).isEqualTo(1);
    }

    @Test
    void newSecretReplacesThePreviousOneWhichNoLongerMatches() {
        GeneratedMachineSecretResult first = generate(id(robot));
        Instant firstAt = world.ports.clock.instant();
        world.ports.clock.advance(Duration.ofSeconds(30));

        GeneratedMachineSecretResult second = generate(id(robot));

        assertThat(second.clientSecret()).isNotEqualTo(first.clientSecret());
        assertThat(world.ports.secrets.all()).hasSize(1);
        MachineSecret stored = world.ports.secrets.find(robot.id()).orElseThrow();
        assertThat(world.ports.hasher.verify(stored.hash(), bytes(second.clientSecret()))).isTrue();
        assertThat(world.ports.hasher.verify(stored.hash(), bytes(first.clientSecret()))).isFalse();
        assertThat(stored.sequence()).isEqualTo(2);
        assertThat(stored.createdAt()).isEqualTo(firstAt);
        assertThat(stored.changedAt()).isEqualTo(world.ports.clock.instant());
        assertThat(second.details().sequence()).isEqualTo(2);
    }

    @Test
    void everyChangeWritesUserChangedToTheFeed() {
        generate(id(robot));
        generate(id(robot));

        assertThat(world.ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, robot.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, robot.id()));
    }

    @Test
    void theUsersCachedVerificationsAreDroppedAndOthersStay() {
        ServiceUser bystander = world.ports.serviceUser(world.home, "bystander");
        IssuedToken robotsToken = world.ports.issuePersonalAccessToken(robot, null);
        IssuedToken bystandersToken = world.ports.issuePersonalAccessToken(bystander, null);
        world.verify(robotsToken.token());
        world.verify(bystandersToken.token());
        assertThat(world.ports.cache.size()).isEqualTo(2);

        generate(id(robot));

        assertThat(world.ports.cache.size()).isEqualTo(1);
        int hits = world.ports.cache.hits();
        world.verify(bystandersToken.token());
        assertThat(world.ports.cache.hits()).isEqualTo(hits + 1);
    }

    @Test
    void inactiveOrLockedUserMayStillGetASecret() {
        world.ports.users.save(robot.withState(UserState.INACTIVE, world.ports.clock.instant()));
        assertThat(generate(id(robot)).clientId()).isEqualTo("robot");

        ServiceUser locked = world.ports.serviceUser(world.home, "locked");
        world.ports.users.save(locked.withState(UserState.LOCKED, world.ports.clock.instant()));
        assertThat(generate(id(locked)).clientId()).isEqualTo("locked");
    }

    @Test
    void unknownMalformedOrForeignUserIsAPreconditionFailureAndNothingIsStored() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        ServiceUser deleted = world.ports.users.save(world.ports.serviceUser(world.home, "deleted")
                .withState(UserState.DELETED, world.ports.clock.instant()));

        for (String userId : new String[] {id(stranger), id(deleted), "123456789", "robot", "-1", "", null}) {
            assertFails(() -> generate(userId), PreconditionFailedException.class, "COMMAND-x7s802",
                    "Errors.User.NotExisting");
        }
        assertNothingStored();
        assertThat(world.ports.hasher.hashCalls()).isZero();
    }

    @Test
    void userRemovedBeforeTheWriteIsAPreconditionFailureAndNothingIsStored() {
        // The save finds no user: as if a concurrent removal ran between look-up and write.
        GenerateMachineSecretService racing = new GenerateMachineSecretService(world.accessControl,
                world.ports.users, new InMemoryMachineSecretRepository(), world.ports.hasher,
                world.ports.cache, world.ports.clock, AuditTrail.none());

        assertFails(() -> racing.generateMachineSecret(new GenerateMachineSecretCommand(world.admin(), id(robot))),
                PreconditionFailedException.class, "COMMAND-x7s802", "Errors.User.NotExisting");
        assertNothingStored();
    }

    @Test
    void hasherThatShedsLoadStoresNothing() {
        world.ports.hasher.setUnavailable(true);

        assertThatThrownBy(() -> generate(id(robot))).isInstanceOf(UnavailableException.class);
        assertNothingStored();
    }

    @Test
    void callerWithoutMembershipIsRefusedAndNothingIsStored() {
        assertNoMembership(() -> service.generateMachineSecret(new GenerateMachineSecretCommand(
                world.withOrgRoles(), id(robot))));
        assertNothingStored();
    }

    @Test
    void viewerRoleWithoutUserWriteIsRefusedAndNothingIsStored() {
        assertPermissionDenied(() -> service.generateMachineSecret(new GenerateMachineSecretCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot))));
        assertPermissionDenied(() -> service.generateMachineSecret(new GenerateMachineSecretCommand(
                world.withIamRoles(world.home, Role.IAM_OWNER_VIEWER), id(robot))));
        assertNothingStored();
    }

    @Test
    void userManagerMayGenerate() {
        GeneratedMachineSecretResult result = service.generateMachineSecret(new GenerateMachineSecretCommand(
                world.withOrgRoles(Role.ORG_USER_MANAGER), id(robot)));

        assertThat(world.ports.secrets.find(robot.id())).isPresent();
        assertThat(result.details().resourceOwner()).isEqualTo(world.home.id());
    }

    @Test
    void instanceOwnerGeneratesForAUserOfAnotherOrganizationThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        GeneratedMachineSecretResult result = service.generateMachineSecret(new GenerateMachineSecretCommand(
                world.withIamRoles(world.other, Role.IAM_OWNER), id(stranger)));

        assertThat(result.details().resourceOwner()).isEqualTo(world.other.id());
        assertThat(world.ports.secrets.find(stranger.id())).isPresent();
        // ...and that header makes the home organization's users foreign.
        assertFails(() -> service.generateMachineSecret(new GenerateMachineSecretCommand(
                        world.withIamRoles(world.other, Role.IAM_OWNER), id(robot))),
                PreconditionFailedException.class, "COMMAND-x7s802", "Errors.User.NotExisting");
    }

    @Test
    void theSecretIsNeverInToStringNorInAnyLogRecord() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        GeneratedMachineSecretResult result;
        try {
            result = generate(id(robot));
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }

        String secret = result.clientSecret();
        assertThat(result.toString()).doesNotContain(secret).contains("redacted").contains("robot");
        assertThat(world.ports.secrets.find(robot.id()).orElseThrow().toString()).doesNotContain(secret);
        assertThat(records).noneMatch(r -> String.valueOf(r.getMessage()).contains(secret)
                || (r.getParameters() != null && List.of(r.getParameters()).toString().contains(secret)));
    }

    private GeneratedMachineSecretResult generate(String userId) {
        return service.generateMachineSecret(new GenerateMachineSecretCommand(world.admin(), userId));
    }

    private void assertNothingStored() {
        assertThat(world.ports.secrets.all()).isEmpty();
        assertThat(world.ports.changes.entries()).isEmpty();
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.US_ASCII);
    }
}
