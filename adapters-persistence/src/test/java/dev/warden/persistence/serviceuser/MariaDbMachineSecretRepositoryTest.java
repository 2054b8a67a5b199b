package dev.warden.persistence.serviceuser;

import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import io.helidon.dbclient.DbTransaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbMachineSecretRepositoryTest {

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
        private static final SecretHash OTHER_HASH = new SecretHash(
                "$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0b3RoZXI$0123456789abcdefghijklmnopqrstuvwxyzABCDEFG");
        private static final Instant LATER = Instant.parse("2026-03-29T03:10:00.654321Z");

        private MariaDbMachineSecretRepository repository;
        private MariaDbServiceUserRepository users;
        private MariaDbOrganizationRepository orgs;
        private Organization org;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOrganization() {
            repository = new MariaDbMachineSecretRepository(db());
            users = new MariaDbServiceUserRepository(db());
            orgs = new MariaDbOrganizationRepository(db());
            org = TestData.org();
            orgs.insert(db().execute(), org);
        }

        @Test
        void savedSecretIsFoundWithEveryFieldIntact() {
            ServiceUser user = newUser();
            // Created and changed at the DST gap with microseconds: nothing may shift or be cut.
            MachineSecret secret = new MachineSecret(user.id(), TestData.HASH, 3, TestData.CREATED, TestData.CHANGED);

            assertThat(repository.save(secret)).isTrue();

            assertThat(repository.find(user.id())).contains(secret);
        }

        @Test
        void userWithoutASecretHasNone() {
            assertThat(repository.find(newUser().id())).isEmpty();
            assertThat(repository.find(TestData.nextId())).isEmpty();
        }

        @Test
        void saveReplacesThePreviousSecretAndKeepsOneRow() {
            ServiceUser user = newUser();
            MachineSecret first = MachineSecret.create(user.id(), TestData.HASH, TestData.CREATED);
            repository.save(first);
            MachineSecret second = first.replacedBy(OTHER_HASH, LATER);

            assertThat(repository.save(second)).isTrue();

            assertThat(repository.find(user.id())).contains(second);
            assertThat(testDatabase().countWhere("machine_secrets", "user_id = " + user.id())).isEqualTo(1);
        }

        @Test
        void everySaveWritesUserChanged() {
            ServiceUser user = newUser();
            MachineSecret first = MachineSecret.create(user.id(), TestData.HASH, TestData.CREATED);

            repository.save(first);
            repository.save(first.replacedBy(OTHER_HASH, LATER));

            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED", "USER_CHANGED");
        }

        @Test
        void updateSecretHashReplacesTheExpectedHashAndNothingElseWithoutUserChanged() {
            ServiceUser user = newUser();
            MachineSecret secret = new MachineSecret(user.id(), TestData.HASH, 3, TestData.CREATED, TestData.CHANGED);
            repository.save(secret);

            assertThat(repository.updateSecretHash(user.id(), TestData.HASH, OTHER_HASH)).isTrue();

            assertThat(repository.find(user.id())).contains(
                    new MachineSecret(user.id(), OTHER_HASH, 3, TestData.CREATED, TestData.CHANGED));
            assertThat(testDatabase().changesAbout(user.id())).as("only the save's").containsExactly("USER_CHANGED");
        }

        @Test
        void updateSecretHashStoresNothingUnlessTheStoredHashIsExactlyTheExpectedOne() {
            ServiceUser user = userWithSecret();
            SecretHash otherCase = new SecretHash(TestData.HASH.phc().replace("c29tZXNhbHRz", "C29TZXNHBHRZ"));

            assertThat(repository.updateSecretHash(user.id(), OTHER_HASH, OTHER_HASH)).isFalse();
            assertThat(repository.updateSecretHash(user.id(), otherCase, OTHER_HASH)).isFalse();
            assertThat(repository.updateSecretHash(newUser().id(), TestData.HASH, OTHER_HASH)).isFalse();
            assertThat(repository.updateSecretHash(TestData.nextId(), TestData.HASH, OTHER_HASH)).isFalse();

            assertThat(repository.find(user.id())).map(MachineSecret::hash).contains(TestData.HASH);
        }

        @Test
        void aRehashRacingANewSecretNeverOverwritesTheNewSecret() throws Exception {
            for (int round = 0; round < 10; round++) {
                ServiceUser user = userWithSecret();
                MachineSecret replaced = repository.find(user.id()).orElseThrow().replacedBy(OTHER_HASH, LATER);
                SecretHash rehashed = new SecretHash(TestData.HASH.phc() + "rehashed");

                List<Boolean> results = Race.run(List.<Supplier<Boolean>>of(
                        () -> repository.updateSecretHash(user.id(), TestData.HASH, rehashed),
                        () -> repository.save(replaced)));

                assertThat(results.get(1)).isTrue();
                assertThat(repository.find(user.id())).contains(replaced);
            }
        }

        @Test
        void saveForAnUnknownUserIsFalseAndStoresAndRecordsNothing() {
            long unknown = TestData.nextId();

            assertThat(repository.save(MachineSecret.create(unknown, TestData.HASH, TestData.CREATED))).isFalse();

            assertThat(repository.find(unknown)).isEmpty();
            assertThat(testDatabase().changesAbout(unknown)).isEmpty();
        }

        @Test
        void saveThatCannotWriteTheChangeFeedKeepsThePreviousSecret() {
            ServiceUser user = newUser();
            MachineSecret first = MachineSecret.create(user.id(), TestData.HASH, TestData.CREATED);
            repository.save(first);
            ServiceUser fresh = newUser();

            testDatabase().withoutChangeFeed(() -> {
                assertThatThrownBy(() -> repository.save(first.replacedBy(OTHER_HASH, LATER)))
                        .isInstanceOf(IllegalStateException.class).hasMessage("Database operation failed");
                assertThatThrownBy(() -> repository.save(MachineSecret.create(fresh.id(), OTHER_HASH, LATER)))
                        .isInstanceOf(IllegalStateException.class);
            });

            assertThat(repository.find(user.id())).contains(first);
            assertThat(repository.find(fresh.id())).isEmpty();
        }

        @Test
        void removeDeletesTheSecretAndWritesUserChanged() {
            ServiceUser user = userWithSecret();

            assertThat(repository.remove(user.id())).isTrue();

            assertThat(repository.find(user.id())).isEmpty();
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED", "USER_CHANGED");
            assertThat(users.findById(user.id())).contains(user);
        }

        @Test
        void removeOfAUserWithoutASecretIsFalseAndRecordsNothing() {
            ServiceUser user = newUser();

            assertThat(repository.remove(user.id())).isFalse();
            assertThat(repository.remove(TestData.nextId())).isFalse();

            assertThat(testDatabase().changesAbout(user.id())).isEmpty();
        }

        @Test
        void removeLeavesOtherUsersSecretsAlone() {
            ServiceUser user = userWithSecret();
            ServiceUser neighbour = userWithSecret();

            repository.remove(user.id());

            assertThat(repository.find(neighbour.id())).isPresent();
        }

        @Test
        void removeThatCannotWriteTheChangeFeedKeepsTheSecret() {
            ServiceUser user = userWithSecret();
            MachineSecret secret = repository.find(user.id()).orElseThrow();

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.remove(user.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.find(user.id())).contains(secret);
        }

        @Test
        void usersWithSecretNamesExactlyThoseOfTheGivenUsersThatHaveOne() {
            ServiceUser with = userWithSecret();
            ServiceUser without = newUser();
            ServiceUser notAsked = userWithSecret();

            assertThat(repository.usersWithSecret(List.of(with.id(), without.id(), TestData.nextId(), with.id())))
                    .containsExactly(with.id());
            assertThat(repository.usersWithSecret(List.of())).isEmpty();
            assertThat(repository.usersWithSecret(List.of(notAsked.id()))).containsExactly(notAsked.id());
        }

        @Test
        void usersWithSecretAnswersForMoreIdsThanOneQueryTakes() {
            int count = MariaDbMachineSecretRepository.IDS_PER_QUERY * 2 + 500;
            List<Long> ids = new ArrayList<>();
            List<Long> withSecret = new ArrayList<>();
            // One transaction: a commit per user would make the set-up slower than the test.
            DbTransaction tx = db().transaction();
            for (int i = 0; i < count; i++) {
                ServiceUser user = TestData.user(org.id());
                users.insert(tx, user);
                ids.add(user.id());
                // Secrets in the first, middle and last chunk, at their edges too.
                if (i == 0 || i == 999 || i == 1_000 || i == 1_500 || i == count - 1) {
                    withSecret.add(user.id());
                }
            }
            tx.commit();
            withSecret.forEach(id -> repository.save(MachineSecret.create(id, TestData.HASH, TestData.CREATED)));

            assertThat(repository.usersWithSecret(ids)).containsExactlyInAnyOrderElementsOf(withSecret);
        }

        @Test
        void concurrentSavesForOneUserLeaveOneOfThemAndOneRow() throws Exception {
            ServiceUser user = newUser();
            List<MachineSecret> candidates = IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> new MachineSecret(user.id(), TestData.HASH, i, TestData.CREATED, LATER))
                    .toList();

            List<Boolean> results = Race.run(candidates.stream()
                    .<Supplier<Boolean>>map(candidate -> () -> repository.save(candidate))
                    .toList());

            assertThat(results).containsOnly(true);
            assertThat(candidates).contains(repository.find(user.id()).orElseThrow());
            assertThat(testDatabase().countWhere("machine_secrets", "user_id = " + user.id())).isEqualTo(1);
            assertThat(testDatabase().changesAbout(user.id())).hasSize(candidates.size());
        }

        @Test
        void saveRacingTheUsersRemovalLeavesNoSecretBehind() throws Exception {
            for (int round = 0; round < 10; round++) {
                ServiceUser user = newUser();

                List<Boolean> results = Race.run(List.<Supplier<Boolean>>of(
                        () -> repository.save(MachineSecret.create(user.id(), TestData.HASH, TestData.CREATED)),
                        () -> {
                            users.remove(user.id());
                            return true;
                        }));

                assertThat(results.get(1)).isTrue();
                assertThat(users.findById(user.id())).isEmpty();
                assertThat(repository.find(user.id())).isEmpty();
            }
        }

        // --- removal with the user or the organization ------------------------------------------

        @Test
        void removingTheUserRemovesItsSecret() {
            ServiceUser user = userWithSecret();
            ServiceUser neighbour = userWithSecret();

            users.remove(user.id());

            assertThat(users.findById(user.id())).isEmpty();
            assertThat(testDatabase().countWhere("machine_secrets", "user_id = " + user.id())).isZero();
            assertThat(repository.find(neighbour.id())).isPresent();
        }

        @Test
        void userRemovalThatCannotWriteTheChangeFeedKeepsTheSecret() {
            ServiceUser user = userWithSecret();

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> users.remove(user.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(users.findById(user.id())).contains(user);
            assertThat(repository.find(user.id())).isPresent();
        }

        @Test
        void removingTheOrganizationRemovesItsUsersSecretsAndNoOthers() {
            Organization doomed = TestData.org();
            orgs.insert(db().execute(), doomed);
            ServiceUser inside = TestData.user(doomed.id());
            users.insert(inside);
            repository.save(MachineSecret.create(inside.id(), TestData.HASH, TestData.CREATED));
            ServiceUser outside = userWithSecret();

            orgs.remove(doomed.id());

            assertThat(orgs.findById(doomed.id())).isEmpty();
            assertThat(testDatabase().countWhere("machine_secrets", "user_id = " + inside.id())).isZero();
            assertThat(repository.find(outside.id())).isPresent();
        }

        private ServiceUser newUser() {
            ServiceUser user = TestData.user(org.id());
            users.insert(user);
            return user;
        }

        private ServiceUser userWithSecret() {
            ServiceUser user = newUser();
            repository.save(MachineSecret.create(user.id(), TestData.HASH, TestData.CREATED));
            return user;
        }
    }
}
