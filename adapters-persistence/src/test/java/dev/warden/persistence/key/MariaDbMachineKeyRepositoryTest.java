package dev.warden.persistence.key;

import dev.warden.application.error.ConflictException;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.org.Organization;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbMachineKeyRepositoryTest {

    @Nested
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Engine.H2);
        }
    }

    abstract static class Contract extends DatabaseContract {
        private MariaDbMachineKeyRepository repository;
        private MariaDbServiceUserRepository users;
        private MariaDbOrganizationRepository organizations;
        private Organization org;
        private ServiceUser user;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOwner() {
            repository = new MariaDbMachineKeyRepository(db());
            users = new MariaDbServiceUserRepository(db());
            organizations = new MariaDbOrganizationRepository(db());
            org = newOrg();
            user = newUser(org);
        }

        @Test
        void storedKeyIsFoundWithEveryFieldIntact() {
            MachineKey key = key(user, 0, Instant.parse("2027-01-02T03:04:05.654321Z"), TestData.CREATED);

            repository.insert(key);

            assertThat(repository.findById(key.id())).contains(key);
        }

        @Test
        void publicKeyIsStoredAsPkixPemAndReadBackAsTheSameKey() {
            RSAPublicKey publicKey = publicKey(1);
            MachineKey key = key(user, 1, MachineKey.NO_EXPIRATION, TestData.CREATED);
            repository.insert(key);

            MachineKey found = repository.findById(key.id()).orElseThrow();

            assertThat(found.publicKey()).isEqualTo(publicKey);
            assertThat(found.publicKeyPem()).isEqualTo(RsaKeys.publicKeyPem(publicKey)).doesNotContain("PRIVATE");
            assertThat(testDatabase().countWhere("machine_keys",
                    "id = " + key.id() + " AND public_key LIKE '-----BEGIN PUBLIC KEY-----%'")).isOne();
        }

        @Test
        void theLargestAcceptedKeyFitsTheColumn() throws Exception {
            // Generating a 16384-bit pair takes minutes; a public key needs no primes to be parsed and stored.
            BigInteger modulus = new BigInteger(RsaKeys.MAX_MODULUS_BITS, new SecureRandom())
                    .setBit(RsaKeys.MAX_MODULUS_BITS - 1).setBit(0);
            RSAPublicKey largest = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65_537)));
            MachineKey key = MachineKey.create(TestData.nextId(), user.id(), user.orgId(), largest, null,
                    TestData.CREATED);
            assertThat(key.publicKeyPem().length()).isLessThanOrEqualTo(MachineKey.MAX_PUBLIC_KEY_PEM_LENGTH);

            repository.insert(key);

            assertThat(repository.findById(key.id()).orElseThrow().publicKey()).isEqualTo(largest);
        }

        @Test
        void keyWithoutExpirationKeepsTheLastSecondOfTheYear9999AndMicrosecondsSurvive() {
            MachineKey never = key(user, 2, MachineKey.NO_EXPIRATION, TestData.CREATED);
            Instant micros = Instant.parse("2030-06-30T23:59:59.999999Z");
            MachineKey precise = key(user, 3, micros, TestData.CREATED);
            repository.insert(never);
            repository.insert(precise);

            assertThat(repository.findById(never.id()).orElseThrow().expiresAt())
                    .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
            MachineKey found = repository.findById(precise.id()).orElseThrow();
            assertThat(found.expiresAt()).isEqualTo(micros);
            assertThat(found.createdAt()).isEqualTo(TestData.CREATED);
        }

        @Test
        void unknownIdIsNotFound() {
            assertThat(repository.findById(TestData.nextId())).isEmpty();
        }

        @Test
        void keyNeedsAnExistingUserAndNothingIsStoredWithout() {
            MachineKey orphan = MachineKey.create(TestData.nextId(), TestData.nextId(), org.id(), publicKey(0), null,
                    TestData.CREATED);

            assertThatThrownBy(() -> repository.insert(orphan))
                    // A missing parent means a concurrent removal (the services check first): 409, retry.
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Errors.Concurrency");
            assertThat(repository.findById(orphan.id())).isEmpty();
        }

        @Test
        void insertOfATakenIdFails() {
            MachineKey key = newKey(user);

            assertThatThrownBy(() -> repository.insert(key))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Database operation failed");
        }

        // --- remove ---------------------------------------------------------------------------------

        @Test
        void removeDeletesTheKeyAndWritesCredentialRevoked() {
            MachineKey key = newKey(user);

            assertThat(repository.remove(key.id())).isTrue();

            assertThat(repository.findById(key.id())).isEmpty();
            assertThat(testDatabase().changesAbout(key.id())).containsExactly("CREDENTIAL_REVOKED");
        }

        @Test
        void removeWritesUserChangedForTheKeysUserSoThatEveryNodeForgetsItsTokens() {
            ServiceUser owner = newUser(org);
            MachineKey key = newKey(owner);

            repository.remove(key.id());

            assertThat(testDatabase().changesAbout(owner.id())).containsExactly("USER_CHANGED");
        }

        @Test
        void removeOfAnUnknownKeyIsFalseAndRecordsNothing() {
            long unknown = TestData.nextId();

            assertThat(repository.remove(unknown)).isFalse();

            assertThat(testDatabase().changesAbout(unknown)).isEmpty();
        }

        @Test
        void removeLeavesTheUsersOtherKeys() {
            MachineKey removed = newKey(user);
            MachineKey kept = newKey(user);

            repository.remove(removed.id());

            assertThat(repository.findById(kept.id())).contains(kept);
        }

        @Test
        void removeThatCannotWriteTheChangeFeedKeepsTheKey() {
            MachineKey key = newKey(user);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.remove(key.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(key.id())).contains(key);
        }

        // --- findByUser -----------------------------------------------------------------------------

        @Test
        void findByUserListsTheUsersKeysByCreationInTheRequestedDirection() {
            ServiceUser owner = newUser(org);
            List<Long> oldestFirst = createdAtMinutes(owner, 3, 1, 4, 2).stream()
                    .sorted(Comparator.comparing(MachineKey::createdAt)).map(MachineKey::id).toList();
            newKey(user);

            assertThat(ids(repository.findByUser(owner.id(), new PageRequest(0, 0, true)))).isEqualTo(oldestFirst);
            assertThat(ids(repository.findByUser(owner.id(), new PageRequest(0, 0, false))))
                    .isEqualTo(oldestFirst.reversed());
        }

        @Test
        void findByUserPagesAndCountsEveryKey() {
            ServiceUser owner = newUser(org);
            List<Long> oldestFirst = createdAtMinutes(owner, 1, 2, 3, 4, 5).stream().map(MachineKey::id).toList();

            Page<MachineKey> middle = repository.findByUser(owner.id(), new PageRequest(1, 2, true));
            assertThat(ids(middle)).isEqualTo(oldestFirst.subList(1, 3));
            assertThat(middle.total()).isEqualTo(5);

            Page<MachineKey> newest = repository.findByUser(owner.id(), new PageRequest(0, 1, false));
            assertThat(ids(newest)).containsExactly(oldestFirst.get(4));
            assertThat(newest.total()).isEqualTo(5);

            Page<MachineKey> pastTheEnd = repository.findByUser(owner.id(), new PageRequest(9, 2, true));
            assertThat(pastTheEnd.items()).isEmpty();
            assertThat(pastTheEnd.total()).isEqualTo(5);
        }

        @Test
        void findByUserOfAUserWithoutKeysIsEmpty() {
            assertThat(repository.findByUser(TestData.nextId(), new PageRequest(0, 10, false)))
                    .isEqualTo(new Page<MachineKey>(List.of(), 0));
        }

        // --- cascades -------------------------------------------------------------------------------

        @Test
        void removingTheUserRemovesItsKeysOnly() {
            ServiceUser owner = newUser(org);
            ServiceUser neighbour = newUser(org);
            MachineKey gone = newKey(owner);
            newKey(owner);
            MachineKey kept = newKey(neighbour);

            users.remove(owner.id());

            assertThat(repository.findById(gone.id())).isEmpty();
            assertThat(testDatabase().countWhere("machine_keys", "user_id = " + owner.id())).isZero();
            assertThat(repository.findById(kept.id())).contains(kept);
            assertThat(users.findById(owner.id())).isEmpty();
        }

        @Test
        void removingTheOrganizationRemovesItsUsersKeysOnly() {
            Organization doomed = newOrg();
            ServiceUser inside = newUser(doomed);
            newKey(inside);
            newKey(newUser(doomed));
            MachineKey kept = newKey(user);

            organizations.remove(doomed.id());

            assertThat(testDatabase().countWhere("machine_keys", "org_id = " + doomed.id())).isZero();
            assertThat(users.findById(inside.id())).isEmpty();
            assertThat(repository.findById(kept.id())).contains(kept);
        }

        @Test
        void userRemovalThatCannotWriteTheChangeFeedKeepsTheKeys() {
            ServiceUser owner = newUser(org);
            MachineKey key = newKey(owner);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> users.remove(owner.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(key.id())).contains(key);
        }

        private List<MachineKey> createdAtMinutes(ServiceUser owner, int... minutes) {
            List<MachineKey> keys = new ArrayList<>();
            for (int minute : minutes) {
                MachineKey key = key(owner, minute, MachineKey.NO_EXPIRATION,
                        TestData.CREATED.plus(Duration.ofMinutes(minute)));
                repository.insert(key);
                keys.add(key);
            }
            return keys;
        }

        private MachineKey newKey(ServiceUser owner) {
            MachineKey key = key(owner, 0, MachineKey.NO_EXPIRATION, TestData.CREATED);
            repository.insert(key);
            return key;
        }

        private Organization newOrg() {
            Organization created = TestData.org();
            organizations.insert(db().execute(), created);
            return created;
        }

        private ServiceUser newUser(Organization owner) {
            ServiceUser created = TestData.user(owner.id());
            users.insert(created);
            return created;
        }

        /** A stored-form key (sequence 2, changed later than created) with one of the test pairs. */
        private static MachineKey key(ServiceUser owner, int pair, Instant expiresAt, Instant createdAt) {
            return new MachineKey(TestData.nextId(), owner.id(), owner.orgId(), RsaKeys.publicKeyPem(publicKey(pair)),
                    expiresAt, 2, createdAt, createdAt.plusNanos(1_000));
        }

        private static RSAPublicKey publicKey(int pair) {
            return (RSAPublicKey) FakeRsaKeyGenerator.pair(pair).getPublic();
        }

        private static List<Long> ids(Page<MachineKey> page) {
            return page.items().stream().map(MachineKey::id).toList();
        }
    }
}
