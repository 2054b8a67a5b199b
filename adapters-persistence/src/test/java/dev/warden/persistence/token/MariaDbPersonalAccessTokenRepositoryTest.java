package dev.warden.persistence.token;

import dev.warden.domain.org.Organization;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import io.helidon.dbclient.DbTransaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbPersonalAccessTokenRepositoryTest {

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
        private static final Instant USED = Instant.parse("2026-04-01T10:00:00.123456Z");
        private static final SecretHash REHASHED = new SecretHash(
                "$hmac-sha256$v=1$k=AbCdEfGh$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

        private MariaDbPersonalAccessTokenRepository repository;
        private MariaDbServiceUserRepository users;
        private Organization org;
        private ServiceUser user;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOwner() {
            repository = new MariaDbPersonalAccessTokenRepository(db());
            users = new MariaDbServiceUserRepository(db());
            org = TestData.org();
            new MariaDbOrganizationRepository(db()).insert(db().execute(), org);
            user = newUser();
        }

        @Test
        void storedTokenIsFoundWithEveryFieldIntact() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(),
                    Instant.parse("2027-01-02T03:04:05.654321Z"));
            repository.insert(db().execute(), token);

            assertThat(repository.findById(token.id())).contains(token);
        }

        @Test
        void tokenWithoutExpirationKeepsTheLastSecondOfTheYear9999() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(db().execute(), token);

            assertThat(repository.findById(token.id())).map(PersonalAccessToken::expiresAt)
                    .contains(Instant.parse("9999-12-31T23:59:59Z"));
        }

        @Test
        void microsecondsSurviveTheRoundTrip() {
            Instant expiresAt = Instant.parse("2030-06-30T23:59:59.999999Z");
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), expiresAt);
            repository.insert(db().execute(), token);

            PersonalAccessToken found = repository.findById(token.id()).orElseThrow();
            assertThat(found.expiresAt()).isEqualTo(expiresAt);
            assertThat(found.createdAt()).isEqualTo(TestData.CREATED);
            assertThat(found.changedAt()).isEqualTo(TestData.CHANGED);
        }

        @Test
        void onlyTheHashIsStored() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(db().execute(), token);

            assertThat(repository.findById(token.id())).map(PersonalAccessToken::secretHash).contains(TestData.HASH);
        }

        @Test
        void updateSecretHashReplacesTheExpectedHashAndNothingElseWithoutAChange() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(db().execute(), token);

            assertThat(repository.updateSecretHash(token.id(), TestData.HASH, REHASHED)).isTrue();

            assertThat(repository.findById(token.id())).contains(new PersonalAccessToken(token.id(), token.userId(),
                    token.orgId(), REHASHED, token.expiresAt(), token.sequence(), token.createdAt(), token.changedAt(),
                    token.lastUsedAt()));
            assertThat(testDatabase().changesAbout(token.id())).isEmpty();
        }

        @Test
        void updateSecretHashStoresNothingUnlessTheStoredHashIsExactlyTheExpectedOne() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(db().execute(), token);
            // The column's collation ignores case; the comparison must not.
            SecretHash otherCase = new SecretHash(TestData.HASH.phc().toUpperCase(java.util.Locale.ROOT)
                    .replace("$ARGON2ID$V=19$M=19456,T=2,P=1$", "$argon2id$v=19$m=19456,t=2,p=1$"));

            assertThat(repository.updateSecretHash(token.id(), REHASHED, REHASHED)).isFalse();
            assertThat(repository.updateSecretHash(token.id(), otherCase, REHASHED)).isFalse();
            assertThat(repository.updateSecretHash(TestData.nextId(), TestData.HASH, REHASHED)).isFalse();

            assertThat(repository.findById(token.id())).map(PersonalAccessToken::secretHash).contains(TestData.HASH);
        }

        @Test
        void ofConcurrentRehashesOfOneTokenExactlyOneStores() throws Exception {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(db().execute(), token);
            List<SecretHash> candidates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                candidates.add(new SecretHash(REHASHED.phc() + i));
            }

            List<Boolean> results = Race.run(candidates.stream()
                    .<Supplier<Boolean>>map(c -> () -> repository.updateSecretHash(token.id(), TestData.HASH, c))
                    .toList());

            assertThat(results).containsOnlyOnce(true);
            SecretHash winner = candidates.get(results.indexOf(true));
            assertThat(repository.findById(token.id())).map(PersonalAccessToken::secretHash).contains(winner);
        }

        @Test
        void unknownIdIsNotFound() {
            assertThat(repository.findById(TestData.nextId())).isEmpty();
        }

        @Test
        void tokenNeedsAnExistingUser() {
            PersonalAccessToken orphan = TestData.token(TestData.nextId(), user.orgId(),
                    PersonalAccessToken.NO_EXPIRATION);

            assertThatThrownBy(() -> repository.insert(db().execute(), orphan)).isInstanceOf(RuntimeException.class);
            assertThat(repository.findById(orphan.id())).isEmpty();
        }

        // --- insert and remove ------------------------------------------------------------------

        @Test
        void insertStoresTheTokenNeverUsed() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);

            repository.insert(token);

            assertThat(repository.findById(token.id())).contains(token);
            assertThat(repository.findById(token.id()).orElseThrow().lastUsedAt()).isNull();
        }

        @Test
        void insertKeepsALastUseTime() {
            PersonalAccessToken used = withLastUse(TestData.token(user.id(), user.orgId(),
                    PersonalAccessToken.NO_EXPIRATION), USED);

            repository.insert(used);

            assertThat(repository.findById(used.id())).contains(used);
        }

        @Test
        void insertOfATakenIdFails() {
            PersonalAccessToken token = TestData.token(user.id(), user.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(token);

            assertThatThrownBy(() -> repository.insert(token))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Database operation failed");
        }

        @Test
        void removeDeletesTheTokenAndWritesCredentialRevoked() {
            PersonalAccessToken token = newToken(user);

            assertThat(repository.remove(token.id())).isTrue();

            assertThat(repository.findById(token.id())).isEmpty();
            assertThat(testDatabase().changesAbout(token.id())).containsExactly("CREDENTIAL_REVOKED");
        }

        @Test
        void removeOfAnUnknownTokenIsFalseAndRecordsNothing() {
            long unknown = TestData.nextId();

            assertThat(repository.remove(unknown)).isFalse();

            assertThat(testDatabase().changesAbout(unknown)).isEmpty();
        }

        @Test
        void removeLeavesTheUsersOtherTokens() {
            PersonalAccessToken removed = newToken(user);
            PersonalAccessToken kept = newToken(user);

            repository.remove(removed.id());

            assertThat(repository.findById(kept.id())).contains(kept);
        }

        @Test
        void removeThatCannotWriteTheChangeFeedKeepsTheToken() {
            PersonalAccessToken token = newToken(user);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.remove(token.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(token.id())).contains(token);
        }

        @Test
        void concurrentInsertsForOneUserAllSucceed() throws Exception {
            ServiceUser owner = newUser();
            int threads = 50;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<Void>> inserts = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    PersonalAccessToken token = TestData.token(owner.id(), owner.orgId(),
                            PersonalAccessToken.NO_EXPIRATION);
                    inserts.add(CompletableFuture.runAsync(() -> {
                        await(start);
                        repository.insert(token);
                    }, pool));
                }
                CompletableFuture.allOf(inserts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            Page<PersonalAccessToken> all = repository.findByUser(owner.id(), PageRequest.ALL);
            assertThat(all.items()).hasSize(threads);
            assertThat(all.total()).isEqualTo(threads);
        }

        // --- findByUser -------------------------------------------------------------------------

        @Test
        void findByUserListsTheUsersTokensByCreationInTheRequestedDirection() {
            ServiceUser owner = newUser();
            List<PersonalAccessToken> created = createdAtMinutes(owner, 3, 1, 4, 2);
            List<Long> oldestFirst = created.stream()
                    .sorted(java.util.Comparator.comparing(PersonalAccessToken::createdAt))
                    .map(PersonalAccessToken::id).toList();
            newToken(user);

            assertThat(ids(repository.findByUser(owner.id(), new PageRequest(0, 0, true)))).isEqualTo(oldestFirst);
            assertThat(ids(repository.findByUser(owner.id(), new PageRequest(0, 0, false))))
                    .isEqualTo(oldestFirst.reversed());
        }

        @Test
        void findByUserPagesAndCountsEveryToken() {
            ServiceUser owner = newUser();
            List<Long> oldestFirst = createdAtMinutes(owner, 1, 2, 3, 4, 5).stream().map(PersonalAccessToken::id)
                    .toList();

            Page<PersonalAccessToken> middle = repository.findByUser(owner.id(), new PageRequest(1, 2, true));
            assertThat(ids(middle)).isEqualTo(oldestFirst.subList(1, 3));
            assertThat(middle.total()).isEqualTo(5);

            Page<PersonalAccessToken> newest = repository.findByUser(owner.id(), new PageRequest(0, 1, false));
            assertThat(ids(newest)).containsExactly(oldestFirst.get(4));
            assertThat(newest.total()).isEqualTo(5);

            Page<PersonalAccessToken> rest = repository.findByUser(owner.id(), new PageRequest(3, 0, true));
            assertThat(ids(rest)).isEqualTo(oldestFirst.subList(3, 5));

            Page<PersonalAccessToken> pastTheEnd = repository.findByUser(owner.id(), new PageRequest(9, 2, true));
            assertThat(pastTheEnd.items()).isEmpty();
            assertThat(pastTheEnd.total()).isEqualTo(5);
        }

        @Test
        void findByUserReadsLastUse() {
            ServiceUser owner = newUser();
            PersonalAccessToken token = newToken(owner);
            repository.recordLastUsed(Map.of(token.id(), USED));

            assertThat(repository.findByUser(owner.id(), PageRequest.ALL).items())
                    .containsExactly(withLastUse(token, USED));
        }

        @Test
        void findByUserOfAUserWithoutTokensIsEmpty() {
            assertThat(repository.findByUser(TestData.nextId(), new PageRequest(0, 10, false)))
                    .isEqualTo(new Page<PersonalAccessToken>(List.of(), 0));
        }

        // --- recordLastUsed ---------------------------------------------------------------------

        @Test
        void recordLastUsedWritesABatchOfManyTokens() {
            ServiceUser owner = newUser();
            Map<Long, Instant> uses = new HashMap<>();
            // One transaction: a commit per token would make the set-up slower than the test.
            DbTransaction tx = db().transaction();
            for (int i = 0; i < 1_203; i++) {
                PersonalAccessToken token = TestData.token(owner.id(), owner.orgId(), PersonalAccessToken.NO_EXPIRATION);
                repository.insert(tx, token);
                uses.put(token.id(), USED.plusMillis(i));
            }
            tx.commit();

            repository.recordLastUsed(uses);

            Map<Long, Instant> stored = new HashMap<>();
            repository.findByUser(owner.id(), PageRequest.ALL).items()
                    .forEach(token -> stored.put(token.id(), token.lastUsedAt()));
            assertThat(stored).isEqualTo(uses);
        }

        @Test
        void recordLastUsedNeverMovesBackwards() {
            PersonalAccessToken token = newToken(user);
            repository.recordLastUsed(Map.of(token.id(), USED));

            repository.recordLastUsed(Map.of(token.id(), USED.minusSeconds(1)));
            assertThat(lastUse(token)).isEqualTo(USED);

            repository.recordLastUsed(Map.of(token.id(), USED));
            assertThat(lastUse(token)).isEqualTo(USED);

            repository.recordLastUsed(Map.of(token.id(), USED.plusNanos(1_000)));
            assertThat(lastUse(token)).isEqualTo(USED.plusNanos(1_000));
        }

        @Test
        void recordLastUsedIgnoresUnknownIds() {
            PersonalAccessToken token = newToken(user);
            long unknown = TestData.nextId();

            repository.recordLastUsed(Map.of(unknown, USED, token.id(), USED));

            assertThat(lastUse(token)).isEqualTo(USED);
            assertThat(repository.findById(unknown)).isEmpty();
        }

        @Test
        void recordLastUsedKeepsMicroseconds() {
            PersonalAccessToken token = newToken(user);

            repository.recordLastUsed(Map.of(token.id(), Instant.parse("2026-03-29T02:30:00.123456789Z")));

            assertThat(lastUse(token)).isEqualTo(Instant.parse("2026-03-29T02:30:00.123456Z"));
        }

        @Test
        void recordLastUsedOfNothingDoesNothing() {
            repository.recordLastUsed(Map.of());
        }

        @Test
        void recorderWritesTheLatestUseThroughTheRepository() {
            PersonalAccessToken token = newToken(user);
            try (BatchingTokenUsageRecorder recorder = new BatchingTokenUsageRecorder(repository,
                    Duration.ofHours(1))) {
                recorder.used(token.id(), USED);
                recorder.used(token.id(), USED.plusSeconds(5));
                recorder.used(token.id(), USED.plusSeconds(2));

                assertThat(recorder.flush()).isTrue();
            }

            assertThat(lastUse(token)).isEqualTo(USED.plusSeconds(5));
        }

        private Instant lastUse(PersonalAccessToken token) {
            return repository.findById(token.id()).orElseThrow().lastUsedAt();
        }

        private List<PersonalAccessToken> createdAtMinutes(ServiceUser owner, int... minutes) {
            List<PersonalAccessToken> tokens = new ArrayList<>();
            for (int minute : minutes) {
                Instant at = TestData.CREATED.plus(Duration.ofMinutes(minute));
                PersonalAccessToken token = new PersonalAccessToken(TestData.nextId(), owner.id(), owner.orgId(),
                        TestData.HASH, PersonalAccessToken.NO_EXPIRATION, 1, at, at);
                repository.insert(token);
                tokens.add(token);
            }
            return tokens;
        }

        private PersonalAccessToken newToken(ServiceUser owner) {
            PersonalAccessToken token = TestData.token(owner.id(), owner.orgId(), PersonalAccessToken.NO_EXPIRATION);
            repository.insert(token);
            return token;
        }

        private ServiceUser newUser() {
            ServiceUser created = TestData.user(org.id());
            users.insert(created);
            return created;
        }

        private static PersonalAccessToken withLastUse(PersonalAccessToken token, Instant lastUsedAt) {
            return new PersonalAccessToken(token.id(), token.userId(), token.orgId(), token.secretHash(),
                    token.expiresAt(), token.sequence(), token.createdAt(), token.changedAt(), lastUsedAt);
        }

        private static List<Long> ids(Page<PersonalAccessToken> page) {
            return page.items().stream().map(PersonalAccessToken::id).toList();
        }

        private static void await(CyclicBarrier barrier) {
            try {
                barrier.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
