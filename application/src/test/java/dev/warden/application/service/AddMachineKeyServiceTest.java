package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.port.in.AddMachineKeyCommand;
import dev.warden.application.port.in.AddedMachineKeyResult;
import dev.warden.domain.key.KeyType;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddMachineKeyServiceTest {

    private static final String INVALID_KEY = "Public key is not a valid RSA public key in PKIX format with PEM encoding";

    private UserServiceFixture world;
    private AddMachineKeyService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new AddMachineKeyService(world.accessControl, world.ports.users, world.ports.machineKeys,
                world.ports.keyGenerator, world.ports.ids, world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
    }

    // --- generated key pairs --------------------------------------------------------------------

    @Test
    void generatedKeyFileParsesBackAndItsPublicHalfIsTheStoredKey() {
        Instant expiration = Instant.parse("2030-06-01T00:00:00Z");

        AddedMachineKeyResult result = add(id(robot), expiration, null);

        MachineKey stored = world.ports.machineKeys.findById(result.key().id()).orElseThrow();
        assertThat(stored).isEqualTo(result.key());
        assertThat(stored.userId()).isEqualTo(robot.id());
        assertThat(stored.orgId()).isEqualTo(world.home.id());
        assertThat(stored.expiresAt()).isEqualTo(expiration);
        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.createdAt()).isEqualTo(world.ports.clock.instant());

        String json = new String(result.keyFile(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"type\":\"serviceaccount\",\"keyId\":\"" + stored.id() + "\",\"key\":\"")
                .endsWith("\"expirationDate\":\"2030-06-01T00:00:00Z\",\"userId\":\"" + robot.id() + "\"}");
        RSAPrivateCrtKey privateKey = privateKeyOf(json);
        assertThat(privateKey.getModulus()).isEqualTo(stored.publicKey().getModulus());
        assertThat(privateKey.getPublicExponent()).isEqualTo(stored.publicKey().getPublicExponent());
        assertThat(stored.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(world.ports.keyGenerator.calls()).isEqualTo(1);
    }

    @Test
    void privateKeyIsNeitherStoredNorShownByToString() {
        AddedMachineKeyResult result = add(id(robot), null, null);
        String json = new String(result.keyFile(), StandardCharsets.UTF_8);
        String privateBase64 = json.substring(json.indexOf("-----\\n") + 7, json.indexOf("-----\\n") + 67);

        assertThat(result.toString()).contains("redacted").doesNotContain(privateBase64).doesNotContain("PRIVATE");
        assertThat(world.ports.machineKeys.all()).singleElement().satisfies(stored -> {
            assertThat(stored.publicKeyPem()).doesNotContain("PRIVATE").doesNotContain(privateBase64);
            assertThat(stored.toString()).doesNotContain(privateBase64);
        });
    }

    @Test
    void absentExpirationMeansZitadelsFarFutureDate() {
        AddedMachineKeyResult result = add(id(robot), null, null);

        assertThat(result.key().expiresAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(new String(result.keyFile(), StandardCharsets.UTF_8))
                .contains("\"expirationDate\":\"9999-12-31T23:59:59Z\"");
    }

    @Test
    void everyKeyHasItsOwnIdAndPair() {
        AddedMachineKeyResult first = add(id(robot), null, null);
        AddedMachineKeyResult second = add(id(robot), null, null);

        assertThat(first.key().id()).isNotEqualTo(second.key().id());
        assertThat(first.key().publicKeyPem()).isNotEqualTo(second.key().publicKeyPem());
        assertThat(world.ports.machineKeys.all()).hasSize(2);
    }

    @Test
    void generatorThatShedsLoadStoresNothing() {
        world.ports.keyGenerator.setUnavailable(true);

        assertThatThrownBy(() -> add(id(robot), null, null)).isInstanceOf(UnavailableException.class);
        assertThat(world.ports.machineKeys.all()).isEmpty();
    }

    // --- supplied public keys -------------------------------------------------------------------

    @Test
    void suppliedPublicKeyIsStoredAndNoKeyFileIsReturned() {
        RSAPublicKey mine = (RSAPublicKey) FakeRsaKeyGenerator.pair(3).getPublic();

        AddedMachineKeyResult result = add(id(robot), null, pem(mine));

        assertThat(result.keyFile()).isNull();
        assertThat(result.toString()).contains("keyFile=none");
        assertThat(world.ports.machineKeys.findById(result.key().id()).orElseThrow().publicKey()).isEqualTo(mine);
        assertThat(world.ports.keyGenerator.calls()).isZero();
    }

    @Test
    void suppliedKeyIsStoredInCanonicalFormWhateverItsLayout() {
        RSAPublicKey mine = (RSAPublicKey) FakeRsaKeyGenerator.pair(2).getPublic();
        String oneLine = "-----BEGIN RSA PUBLIC KEY-----" + Base64.getEncoder().encodeToString(mine.getEncoded())
                + "-----END RSA PUBLIC KEY-----";

        AddedMachineKeyResult result = add(id(robot), null, oneLine.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.key().publicKeyPem()).isEqualTo(RsaKeys.publicKeyPem(mine));
    }

    @Test
    void emptyPublicKeyMeansGenerate() {
        AddedMachineKeyResult result = add(id(robot), null, new byte[0]);

        assertThat(result.keyFile()).isNotNull();
    }

    @Test
    void invalidPublicKeysAreRefusedAndNothingIsStored() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] ecPem = ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) FakeRsaKeyGenerator.pair(0).getPrivate();
        byte[] privatePem = RsaKeys.privateKeyPkcs1Pem(privateKey).getBytes(StandardCharsets.US_ASCII);

        for (byte[] invalid : new byte[][] {ecPem, privatePem, "hello".getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(pem((RSAPublicKey) FakeRsaKeyGenerator.pair(0).getPublic()))}) {
            assertFails(() -> add(id(robot), null, invalid), InvalidArgumentException.class, "COMMAND-5F3h1",
                    INVALID_KEY);
        }
        assertThat(world.ports.machineKeys.all()).isEmpty();
        assertThat(world.ports.keyGenerator.calls()).isZero();
    }

    @Test
    void keysShorterThan2048BitsAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair small = rsa.generateKeyPair();

        assertFails(() -> add(id(robot), null, pem((RSAPublicKey) small.getPublic())), InvalidArgumentException.class,
                "KEY-size", "Public key must be an RSA key of 2048 to 16384 bits");
        assertThat(world.ports.machineKeys.all()).isEmpty();
    }

    // --- validation and its order ---------------------------------------------------------------

    @Test
    void missingTypeIsAValidationError() {
        assertFails(() -> service.addMachineKey(new AddMachineKeyCommand(world.admin(), id(robot), null, null, null)),
                InvalidArgumentException.class, null, "invalid AddMachineKeyRequest.Type: value must not be in list [0]");
        assertThat(world.ports.machineKeys.all()).isEmpty();
    }

    @Test
    void expirationNowOrInThePastIsInvalidAndNothingIsStored() {
        Instant now = world.ports.clock.instant();

        for (Instant expiration : new Instant[] {now, now.minusMillis(1), Instant.EPOCH}) {
            assertFails(() -> add(id(robot), expiration, null), InvalidArgumentException.class, "DOMAIN-dv3t5",
                    "Errors.AuthNKey.ExpireBeforeNow");
        }
        assertThat(world.ports.machineKeys.all()).isEmpty();
        assertThat(world.ports.keyGenerator.calls()).isZero();
    }

    @Test
    void unknownOrForeignUserIsAPreconditionFailureAndNothingIsStored() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        for (String userId : new String[] {id(stranger), "123456789", "robot", null}) {
            assertFails(() -> add(userId, null, null), PreconditionFailedException.class, "COMMAND-bnipwm1",
                    "User could not be found");
        }
        assertThat(world.ports.machineKeys.all()).isEmpty();
        assertThat(world.ports.keyGenerator.calls()).isZero();
    }

    @Test
    void anInvalidKeyIsReportedBeforeAnUnknownUserAsInZitadel() {
        assertFails(() -> add("123456789", null, "garbage".getBytes(StandardCharsets.US_ASCII)),
                InvalidArgumentException.class, "COMMAND-5F3h1", INVALID_KEY);
    }

    @Test
    void deletedUserGetsNoKey() {
        world.ports.users.save(robot.withState(UserState.DELETED, world.ports.clock.instant()));

        assertFails(() -> add(id(robot), null, null), PreconditionFailedException.class, "COMMAND-bnipwm1",
                "User could not be found");
    }

    @Test
    void inactiveUserMayStillGetAKey() {
        world.ports.users.save(robot.withState(UserState.INACTIVE, world.ports.clock.instant()));

        assertThat(add(id(robot), null, null).key().userId()).isEqualTo(robot.id());
    }

    // --- permissions ----------------------------------------------------------------------------

    @Test
    void callerWithoutMembershipIsRefusedBeforeValidationAndNothingIsStored() {
        assertNoMembership(() -> service.addMachineKey(new AddMachineKeyCommand(world.withOrgRoles(), id(robot), null,
                Instant.EPOCH, "garbage".getBytes(StandardCharsets.US_ASCII))));
        assertThat(world.ports.machineKeys.all()).isEmpty();
    }

    @Test
    void viewerMayNotAddAKey() {
        assertPermissionDenied(() -> service.addMachineKey(new AddMachineKeyCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), KeyType.JSON, null, null)));
        assertThat(world.ports.machineKeys.all()).isEmpty();
        assertThat(world.ports.keyGenerator.calls()).isZero();
    }

    @Test
    void instanceOwnerAddsAKeyForAUserOfAnotherOrganizationThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        AddedMachineKeyResult result = service.addMachineKey(new AddMachineKeyCommand(
                world.withIamRoles(world.other, Role.IAM_OWNER), id(stranger), KeyType.JSON, null, null));

        assertThat(result.key().orgId()).isEqualTo(world.other.id());
    }

    private AddedMachineKeyResult add(String userId, Instant expiration, byte[] publicKey) {
        return service.addMachineKey(new AddMachineKeyCommand(world.admin(), userId, KeyType.JSON, expiration,
                publicKey));
    }

    static byte[] pem(RSAPublicKey key) {
        return RsaKeys.publicKeyPem(key).getBytes(StandardCharsets.US_ASCII);
    }

    /** The private key in a key file: the JSON's {@code key} string, unescaped. */
    static RSAPrivateCrtKey privateKeyOf(String keyFileJson) {
        Matcher key = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(keyFileJson);
        assertThat(key.find()).as(keyFileJson).isTrue();
        return RsaKeys.parsePrivateKeyPkcs1Pem(key.group(1).replace("\\n", "\n")).orElseThrow();
    }
}
