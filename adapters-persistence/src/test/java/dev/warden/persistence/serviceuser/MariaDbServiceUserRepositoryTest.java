package dev.warden.persistence.serviceuser;

import dev.warden.application.error.ConflictException;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbServiceUserRepositoryTest {

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
        private static final Instant LATER = TestData.CHANGED.plusSeconds(60);
        /** Texts that a search must take literally: wildcards, quotes, escapes, case, non-ASCII. */
        private static final List<String> QUERIES = List.of("abc", "ABC", "Abc", "a", "c", "%", "_", "!", "\\",
                "a%", "a%c", "a_c", "a!c", "' OR 1=1 --", "'", "--", ";", "ß", "STRASSE", "ünï", "ÜNÏ", "🚀", ".",
                "*", "x", "DEF", " ", "alpha", "Alpha", "");

        private MariaDbServiceUserRepository repository;
        private MariaDbPersonalAccessTokenRepository tokens;
        private MariaDbMembershipRepository memberships;
        private Organization org;
        private Organization otherOrg;
        /** An organization whose users only the search tests read: their names are chosen. */
        private Organization searchOrg;
        private List<ServiceUser> searchUsers;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOrganizations() {
            repository = new MariaDbServiceUserRepository(db());
            tokens = new MariaDbPersonalAccessTokenRepository(db());
            memberships = new MariaDbMembershipRepository(db());
            MariaDbOrganizationRepository orgs = new MariaDbOrganizationRepository(db());
            org = TestData.org();
            otherOrg = TestData.org();
            searchOrg = TestData.org();
            orgs.insert(db().execute(), org);
            orgs.insert(db().execute(), otherOrg);
            orgs.insert(db().execute(), searchOrg);
            searchUsers = List.of(
                    searchUser("abc", "Alpha Bravo", UserState.ACTIVE, 1),
                    searchUser("ABCdef", "alpha bravo charlie", UserState.INACTIVE, 2),
                    searchUser("xAbCx", "Xavier", UserState.LOCKED, 3),
                    searchUser("a%c", "100% sure", UserState.ACTIVE, 4),
                    searchUser("a_c", "under_score", UserState.DELETED, 5),
                    searchUser("a!c", "bang!", UserState.ACTIVE, 6),
                    searchUser("back\\slash", "C:\\path\\", UserState.ACTIVE, 7),
                    searchUser("' OR 1=1 --", "Robert'); DROP TABLE users;--", UserState.ACTIVE, 8),
                    searchUser("straße", "Ünïcödé 🚀", UserState.INACTIVE, 9),
                    searchUser("dot.name", "*star*", UserState.ACTIVE, 10));
            searchUsers.forEach(user -> repository.insert(db().execute(), user));
            // Same names in another organization: a search must never see them.
            repository.insert(db().execute(), ServiceUser.create(TestData.nextId(), otherOrg.id(), "abc-elsewhere",
                    "Alpha Bravo", TestData.CREATED));
        }

        @Test
        void storedUserIsFoundWithEveryFieldIntact() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(db().execute(), user);

            assertThat(repository.findById(user.id())).contains(user);
        }

        @Test
        void userIsFoundByUserNameIgnoringCaseAndOnlyByTheWholeName() {
            ServiceUser user = ServiceUser.create(TestData.nextId(), org.id(), "Login-" + TestData.nextId(), "Login",
                    TestData.CREATED);
            repository.insert(db().execute(), user);

            assertThat(repository.findByUserName(user.userName())).contains(user);
            assertThat(repository.findByUserName(user.userName().toUpperCase(java.util.Locale.ROOT))).contains(user);
            assertThat(repository.findByUserName(user.userName().substring(1))).isEmpty();
            assertThat(repository.findByUserName("Login-%")).isEmpty();
        }

        @Test
        void emptyDescriptionIsStoredAsEmpty() {
            ServiceUser user = ServiceUser.create(TestData.nextId(), org.id(), "plain-" + TestData.nextId(), "Plain",
                    TestData.CREATED);
            repository.insert(db().execute(), user);

            assertThat(repository.findById(user.id())).contains(user);
        }

        @Test
        void unknownIdIsNotFound() {
            assertThat(repository.findById(TestData.nextId())).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(UserState.class)
        void everyStateIsStoredAndReadBack(UserState state) {
            ServiceUser user = withState(TestData.user(org.id()), state);
            repository.insert(db().execute(), user);

            assertThat(repository.findById(user.id())).map(ServiceUser::state).contains(state);
        }

        @Test
        void userNamesAreUniqueAcrossOrganizationsIgnoringCase() {
            ServiceUser first = TestData.user(org.id());
            repository.insert(db().execute(), first);
            ServiceUser other = TestData.user(otherOrg.id());
            ServiceUser sameName = new ServiceUser(other.id(), otherOrg.id(), first.userName().toUpperCase(),
                    other.displayName(), "", AccessTokenType.BEARER, UserState.ACTIVE, 1, other.createdAt(),
                    other.changedAt());

            assertThatThrownBy(() -> repository.insert(db().execute(), sameName)).isInstanceOf(RuntimeException.class);
            assertThat(repository.findById(sameName.id())).isEmpty();
        }

        @Test
        void userNeedsAnExistingOrganization() {
            ServiceUser orphan = TestData.user(TestData.nextId());

            assertThatThrownBy(() -> repository.insert(db().execute(), orphan)).isInstanceOf(RuntimeException.class);
            assertThat(repository.findById(orphan.id())).isEmpty();
        }

        // --- insert -----------------------------------------------------------------------------

        @Test
        void insertStoresTheUserAndRecordsNoChange() {
            ServiceUser user = TestData.user(org.id());

            assertThat(repository.insert(user)).isTrue();

            assertThat(repository.findById(user.id())).contains(user);
            assertThat(testDatabase().changesAbout(user.id())).isEmpty();
        }

        @Test
        void insertWithATakenUserNameInAnotherCaseReturnsFalseAndStoresNothing() {
            ServiceUser first = TestData.user(org.id());
            repository.insert(first);
            ServiceUser sameName = named(TestData.user(otherOrg.id()), first.userName().toUpperCase());

            assertThat(repository.insert(sameName)).isFalse();

            assertThat(repository.findById(sameName.id())).isEmpty();
            assertThat(testDatabase().countWhere("users", "user_name = '" + first.userName() + "'")).isEqualTo(1);
        }

        @Test
        void insertWithATakenIdReturnsFalseAndKeepsTheFirst() {
            ServiceUser first = TestData.user(org.id());
            repository.insert(first);

            assertThat(repository.insert(named(first, "other-" + TestData.nextId()))).isFalse();

            assertThat(repository.findById(first.id())).contains(first);
        }

        @Test
        void insertIntoAnUnknownOrganizationFails() {
            ServiceUser orphan = TestData.user(TestData.nextId());

            assertThatThrownBy(() -> repository.insert(orphan))
                    // A missing parent means a concurrent removal (the services check first): 409, retry.
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Errors.Concurrency");
        }

        @Test
        void concurrentInsertsOfOneUserNameStoreExactlyOne() throws Exception {
            String name = "race-" + TestData.nextId();
            int threads = 20;
            CyclicBarrier start = new CyclicBarrier(threads);
            List<CompletableFuture<Boolean>> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int i = 0; i < threads; i++) {
                    ServiceUser candidate = named(TestData.user(i % 2 == 0 ? org.id() : otherOrg.id()),
                            i % 2 == 0 ? name : name.toUpperCase());
                    results.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return repository.insert(candidate);
                    }, pool));
                }
                List<Boolean> outcomes = new ArrayList<>();
                for (CompletableFuture<Boolean> result : results) {
                    outcomes.add(result.get(60, TimeUnit.SECONDS));
                }

                assertThat(outcomes).containsOnlyOnce(true).hasSize(threads);
                assertThat(outcomes.stream().filter(won -> !won)).hasSize(threads - 1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(testDatabase().countWhere("users", "LOWER(user_name) = '" + name + "'")).isEqualTo(1);
        }

        // --- update -----------------------------------------------------------------------------

        @Test
        void updateStoresEveryChangedFieldAndWritesUserChanged() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            // Every field at once, one change later.
            ServiceUser changed = new ServiceUser(user.id(), user.orgId(), "renamed-" + TestData.nextId(), "New name",
                    "new description", AccessTokenType.BEARER, UserState.LOCKED, user.sequence() + 1,
                    user.createdAt(), LATER);

            assertThat(repository.update(changed)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(user.id())).contains(changed);
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED");
        }

        @Test
        void updateToATakenUserNameReturnsFalseAndKeepsTheOldOne() {
            ServiceUser taken = TestData.user(otherOrg.id());
            repository.insert(taken);
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);

            assertThat(repository.update(user.withUserName(taken.userName().toUpperCase(), LATER)))
                    .isEqualTo(UpdateResult.DUPLICATE_NAME);

            assertThat(repository.findById(user.id())).contains(user);
            assertThat(testDatabase().changesAbout(user.id())).isEmpty();
        }

        @Test
        void updateToTheSameNameInAnotherCaseIsNoConflictWithItself() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            ServiceUser shouted = user.withUserName(user.userName().toUpperCase(), LATER);

            assertThat(repository.update(shouted)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(user.id())).contains(shouted);
        }

        @Test
        void updateNeverMovesAUserToAnotherOrganization() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            ServiceUser moved = new ServiceUser(user.id(), otherOrg.id(), user.userName(), "Moved", "",
                    AccessTokenType.BEARER, UserState.ACTIVE, 6, user.createdAt(), LATER);

            assertThat(repository.update(moved)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(user.id())).map(ServiceUser::orgId).contains(org.id());
        }

        @Test
        void updateOfAnUnknownUserStoresAndRecordsNothing() {
            ServiceUser unknown = TestData.user(org.id());

            assertThat(repository.update(unknown.withState(UserState.INACTIVE, LATER)))
                    .isEqualTo(UpdateResult.NOT_FOUND);

            assertThat(repository.findById(unknown.id())).isEmpty();
            assertThat(testDatabase().changesAbout(unknown.id())).isEmpty();
        }

        @Test
        void staleUpdateChangesNothingReportsTheConflictAndWritesNoChange() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            ServiceUser locked = user.withState(UserState.LOCKED, LATER);
            repository.update(locked);

            // Derived from the first read, as by a request that read before the lock.
            assertThat(repository.update(user.withProfile("New name", "", AccessTokenType.BEARER, LATER)))
                    .isEqualTo(UpdateResult.CONFLICT);

            assertThat(repository.findById(user.id())).contains(locked);
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED");
        }

        @Test
        void staleRenameToATakenUserNameIsAConflict() {
            ServiceUser taken = TestData.user(otherOrg.id());
            repository.insert(taken);
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            repository.update(user.withState(UserState.INACTIVE, LATER));

            assertThat(repository.update(user.withUserName(taken.userName(), LATER)))
                    .isEqualTo(UpdateResult.CONFLICT);
        }

        @Test
        void ofConcurrentUpdatesFromTheSameReadExactlyOneWins() throws Exception {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            List<ServiceUser> candidates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                candidates.add(switch (i % 3) {
                    case 0 -> user.withUserName("racer-" + TestData.nextId(), LATER);
                    case 1 -> user.withProfile("Racer " + i, "", AccessTokenType.BEARER, LATER);
                    default -> user.withState(UserState.LOCKED, LATER);
                });
            }

            List<UpdateResult> results = Race.run(candidates.stream()
                    .<Supplier<UpdateResult>>map(candidate -> () -> repository.update(candidate))
                    .toList());

            assertThat(results).containsOnlyOnce(UpdateResult.UPDATED)
                    .containsOnly(UpdateResult.UPDATED, UpdateResult.CONFLICT);
            ServiceUser winner = candidates.get(results.indexOf(UpdateResult.UPDATED));
            assertThat(repository.findById(user.id())).contains(winner);
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED");
        }

        @Test
        void updateThatCannotWriteTheChangeFeedKeepsTheOldValues() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(
                    () -> repository.update(user.withState(UserState.INACTIVE, LATER)))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(user.id())).contains(user);
        }

        // --- remove -----------------------------------------------------------------------------

        @Test
        void removeDeletesTheUserWithItsTokensAndMemberships() {
            ServiceUser user = userWithTokensAndMemberships();

            repository.remove(user.id());

            assertThat(repository.findById(user.id())).isEmpty();
            assertThat(testDatabase().countWhere("personal_access_tokens", "user_id = " + user.id())).isZero();
            assertThat(testDatabase().countWhere("memberships", "user_id = " + user.id())).isZero();
        }

        @Test
        void removeWritesUserChangedAndMembershipChanged() {
            ServiceUser user = userWithTokensAndMemberships();

            repository.remove(user.id());

            assertThat(testDatabase().changesAbout(user.id()))
                    .containsExactlyInAnyOrder("USER_CHANGED", "MEMBERSHIP_CHANGED");
        }

        @Test
        void removeOfAUserWithoutMembershipsWritesOnlyUserChanged() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);

            repository.remove(user.id());

            assertThat(testDatabase().changesAbout(user.id())).containsExactly("USER_CHANGED");
        }

        @Test
        void removeLeavesOtherUsersAlone() {
            ServiceUser user = userWithTokensAndMemberships();
            ServiceUser neighbour = userWithTokensAndMemberships();

            repository.remove(user.id());

            assertThat(repository.findById(neighbour.id())).contains(neighbour);
            assertThat(testDatabase().countWhere("personal_access_tokens", "user_id = " + neighbour.id())).isEqualTo(2);
            assertThat(testDatabase().countWhere("memberships", "user_id = " + neighbour.id())).isEqualTo(2);
        }

        @Test
        void removeOfAnUnknownUserChangesNothing() {
            long unknown = TestData.nextId();

            repository.remove(unknown);

            assertThat(testDatabase().changesAbout(unknown)).isEmpty();
        }

        @Test
        void removeThatCannotWriteTheChangeFeedLeavesEverything() {
            ServiceUser user = userWithTokensAndMemberships();

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.remove(user.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(user.id())).contains(user);
            assertThat(testDatabase().countWhere("personal_access_tokens", "user_id = " + user.id())).isEqualTo(2);
            assertThat(testDatabase().countWhere("memberships", "user_id = " + user.id())).isEqualTo(2);
        }

        // --- search: text -----------------------------------------------------------------------

        @ParameterizedTest
        @EnumSource(TextMatch.class)
        void everyTextMethodMatchesExactlyAsTheReferenceOnEveryTextField(TextMatch match) {
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            Map<String, List<Long>> actual = new LinkedHashMap<>();
            for (String query : QUERIES) {
                for (UserFilter filter : List.of(new UserFilter.UserName(query, match),
                        new UserFilter.DisplayName(query, match), new UserFilter.LoginName(query, match))) {
                    String key = filter.toString();
                    expected.put(key, reference(filter));
                    actual.put(key, searchIds(filter));
                }
            }

            assertThat(actual).isEqualTo(expected);
        }

        @Test
        void caseSensitiveAndIgnoreCaseMethodsReallyDiffer() {
            assertThat(userNames(new UserFilter.UserName("abc", TextMatch.EQUALS))).containsExactly("abc");
            assertThat(userNames(new UserFilter.UserName("abc", TextMatch.EQUALS_IGNORE_CASE)))
                    .containsExactly("abc");
            assertThat(userNames(new UserFilter.UserName("ABC", TextMatch.STARTS_WITH))).containsExactly("ABCdef");
            assertThat(userNames(new UserFilter.UserName("abc", TextMatch.STARTS_WITH_IGNORE_CASE)))
                    .containsExactlyInAnyOrder("abc", "ABCdef");
            assertThat(userNames(new UserFilter.UserName("bC", TextMatch.CONTAINS))).containsExactly("xAbCx");
            assertThat(userNames(new UserFilter.UserName("bc", TextMatch.CONTAINS_IGNORE_CASE)))
                    .containsExactlyInAnyOrder("abc", "ABCdef", "xAbCx");
            assertThat(userNames(new UserFilter.DisplayName("charlie", TextMatch.ENDS_WITH)))
                    .containsExactly("ABCdef");
            assertThat(userNames(new UserFilter.DisplayName("BRAVO", TextMatch.ENDS_WITH))).isEmpty();
            assertThat(userNames(new UserFilter.DisplayName("BRAVO", TextMatch.ENDS_WITH_IGNORE_CASE)))
                    .containsExactly("abc");
        }

        @Test
        void neitherCollationFoldsAccentsNorSharpS() {
            assertThat(userNames(new UserFilter.UserName("strasse", TextMatch.EQUALS_IGNORE_CASE))).isEmpty();
            assertThat(userNames(new UserFilter.DisplayName("unicode", TextMatch.CONTAINS_IGNORE_CASE))).isEmpty();
            assertThat(userNames(new UserFilter.DisplayName("ÜNÏCÖDÉ", TextMatch.STARTS_WITH_IGNORE_CASE)))
                    .containsExactly("straße");
        }

        @Test
        void likeWildcardsInAQueryAreLiteral() {
            assertThat(userNames(new UserFilter.UserName("a%", TextMatch.STARTS_WITH))).containsExactly("a%c");
            assertThat(userNames(new UserFilter.UserName("a%", TextMatch.EQUALS))).isEmpty();
            assertThat(userNames(new UserFilter.UserName("a_c", TextMatch.EQUALS))).containsExactly("a_c");
            assertThat(userNames(new UserFilter.UserName("%", TextMatch.CONTAINS))).containsExactly("a%c");
            assertThat(userNames(new UserFilter.UserName("_", TextMatch.CONTAINS_IGNORE_CASE)))
                    .containsExactly("a_c");
            assertThat(userNames(new UserFilter.UserName("!", TextMatch.CONTAINS))).containsExactly("a!c");
            assertThat(userNames(new UserFilter.UserName("\\", TextMatch.CONTAINS))).containsExactly("back\\slash");
            assertThat(userNames(new UserFilter.UserName(".", TextMatch.CONTAINS))).containsExactly("dot.name");
            assertThat(userNames(new UserFilter.DisplayName("*", TextMatch.STARTS_WITH))).containsExactly("dot.name");
        }

        @Test
        void injectionShapedTextIsStoredAndMatchedLiterallyWithNoExtraRows() {
            ServiceUser injected = searchUsers.get(7);
            assertThat(repository.findById(injected.id())).contains(injected);

            assertThat(userNames(new UserFilter.UserName("' OR 1=1 --", TextMatch.EQUALS)))
                    .containsExactly("' OR 1=1 --");
            assertThat(userNames(new UserFilter.DisplayName("'); DROP TABLE users;--", TextMatch.ENDS_WITH)))
                    .containsExactly("' OR 1=1 --");
            assertThat(userNames(new UserFilter.UserName("x' OR '1'='1", TextMatch.EQUALS))).isEmpty();
            assertThat(userNames(new UserFilter.UserName("\\' OR 1=1 -- ", TextMatch.CONTAINS))).isEmpty();
            assertThat(testDatabase().count("users")).isPositive();
        }

        // --- search: structure ------------------------------------------------------------------

        @Test
        void everyFilterKindMatchesAsTheReference() {
            Set<Long> someIds = Set.of(searchUsers.get(0).id(), searchUsers.get(3).id(), TestData.nextId());
            List<UserFilter> filters = List.of(
                    new UserFilter.All(),
                    new UserFilter.Nothing(),
                    new UserFilter.Machine(true),
                    new UserFilter.Machine(false),
                    new UserFilter.InIds(someIds),
                    new UserFilter.InIds(Set.of()),
                    new UserFilter.State(UserState.ACTIVE),
                    new UserFilter.State(UserState.INACTIVE),
                    new UserFilter.State(UserState.LOCKED),
                    new UserFilter.State(UserState.DELETED),
                    new UserFilter.And(List.of()),
                    new UserFilter.Or(List.of()),
                    new UserFilter.Not(new UserFilter.All()),
                    new UserFilter.Not(new UserFilter.Nothing()));

            for (UserFilter filter : filters) {
                assertThat(searchIds(filter)).as(filter.toString()).isEqualTo(reference(filter));
            }
        }

        @Test
        void notOrAndNestMatchAsTheReference() {
            UserFilter active = new UserFilter.State(UserState.ACTIVE);
            UserFilter startsWithA = new UserFilter.UserName("a", TextMatch.STARTS_WITH_IGNORE_CASE);
            UserFilter alpha = new UserFilter.DisplayName("alpha", TextMatch.CONTAINS_IGNORE_CASE);
            List<UserFilter> filters = List.of(
                    new UserFilter.And(List.of(active, startsWithA)),
                    new UserFilter.Or(List.of(alpha, new UserFilter.State(UserState.LOCKED))),
                    new UserFilter.Not(new UserFilter.Or(List.of(active, alpha))),
                    new UserFilter.And(List.of(new UserFilter.Not(active), new UserFilter.Or(List.of(startsWithA,
                            new UserFilter.Not(new UserFilter.And(List.of(alpha, new UserFilter.Machine(true)))))))),
                    new UserFilter.Or(List.of(new UserFilter.Nothing(), new UserFilter.And(List.of(
                            new UserFilter.InIds(Set.of(searchUsers.get(1).id(), searchUsers.get(2).id())),
                            new UserFilter.Not(new UserFilter.UserName("ABC", TextMatch.STARTS_WITH)))))),
                    new UserFilter.Not(new UserFilter.Not(new UserFilter.Not(startsWithA))));

            for (UserFilter filter : filters) {
                assertThat(searchIds(filter)).as(filter.toString()).isEqualTo(reference(filter));
            }
        }

        @Test
        void searchSeesOnlyTheOrganizationsUsers() {
            List<Long> elsewhere = repository.search(otherOrg.id(), new UserFilter.DisplayName("Alpha Bravo",
                    TextMatch.EQUALS), UserSort.ID, PageRequest.ALL).items().stream().map(ServiceUser::id).toList();

            assertThat(elsewhere).hasSize(1).doesNotContainAnyElementsOf(searchUsers.stream().map(ServiceUser::id)
                    .toList());
            assertThat(searchIds(new UserFilter.InIds(Set.of(elsewhere.get(0))))).isEmpty();
            assertThat(repository.search(TestData.nextId(), new UserFilter.All(), UserSort.ID, PageRequest.ALL))
                    .isEqualTo(new Page<ServiceUser>(List.of(), 0));
        }

        @Test
        void searchReturnsWholeUsers() {
            Page<ServiceUser> page = repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID,
                    PageRequest.ALL);

            assertThat(page.items()).containsExactlyInAnyOrderElementsOf(searchUsers);
            assertThat(page.total()).isEqualTo(searchUsers.size());
        }

        // --- search: sort and paging ------------------------------------------------------------

        @ParameterizedTest
        @EnumSource(UserSort.class)
        void everySortColumnOrdersBothWays(UserSort sort) {
            Comparator<ServiceUser> order = switch (sort) {
                case ID -> Comparator.comparingLong(ServiceUser::id);
                case USER_NAME -> Comparator.comparing(ServiceUser::userName);
                case DISPLAY_NAME -> Comparator.comparing(ServiceUser::displayName);
                // ZITADEL's state numbers: active 1, inactive 2, deleted 3, locked 4.
                case STATE -> Comparator.comparingInt(
                        (ServiceUser u) -> List.of(UserState.ACTIVE, UserState.INACTIVE, UserState.DELETED,
                                UserState.LOCKED).indexOf(u.state()));
                case CREATION_DATE -> Comparator.comparing(ServiceUser::createdAt);
            };
            Comparator<ServiceUser> withTieBreak = order.thenComparingLong(ServiceUser::id);
            List<ServiceUser> sortable = sortFixture();
            UserFilter only = new UserFilter.InIds(Set.copyOf(sortable.stream().map(ServiceUser::id).toList()));
            List<Long> ascending = sortable.stream().sorted(withTieBreak).map(ServiceUser::id).toList();

            assertThat(ids(repository.search(org.id(), only, sort, new PageRequest(0, 0, true))))
                    .isEqualTo(ascending);
            assertThat(ids(repository.search(org.id(), only, sort, new PageRequest(0, 0, false))))
                    .isEqualTo(ascending.reversed());
        }

        @Test
        void pagingAppliesOffsetAndLimitAndCountsEveryMatch() {
            List<Long> all = searchIdsInOrder(new PageRequest(0, 0, true));

            Page<ServiceUser> middle = repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID,
                    new PageRequest(2, 3, true));
            assertThat(ids(middle)).isEqualTo(all.subList(2, 5));
            assertThat(middle.total()).isEqualTo(all.size());

            Page<ServiceUser> firstDescending = repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID,
                    new PageRequest(0, 4, false));
            assertThat(ids(firstDescending)).isEqualTo(all.reversed().subList(0, 4));
            assertThat(firstDescending.total()).isEqualTo(all.size());

            Page<ServiceUser> tail = repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID,
                    new PageRequest(8, 0, true));
            assertThat(ids(tail)).isEqualTo(all.subList(8, all.size()));
            assertThat(tail.total()).isEqualTo(all.size());

            Page<ServiceUser> pastTheEnd = repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID,
                    new PageRequest(50, 5, true));
            assertThat(pastTheEnd.items()).isEmpty();
            assertThat(pastTheEnd.total()).isEqualTo(all.size());

            Page<ServiceUser> filtered = repository.search(searchOrg.id(), new UserFilter.State(UserState.ACTIVE),
                    UserSort.ID, new PageRequest(1, 1, true));
            assertThat(filtered.items()).hasSize(1);
            assertThat(filtered.total()).isEqualTo(reference(new UserFilter.State(UserState.ACTIVE)).size());
        }

        @Test
        void noMatchIsAnEmptyPageWithTotalZero() {
            assertThat(repository.search(searchOrg.id(), new UserFilter.Nothing(), UserSort.USER_NAME,
                    new PageRequest(0, 10, false))).isEqualTo(new Page<ServiceUser>(List.of(), 0));
            assertThat(repository.search(searchOrg.id(), new UserFilter.Nothing(), UserSort.USER_NAME,
                    new PageRequest(5, 10, false))).isEqualTo(new Page<ServiceUser>(List.of(), 0));
        }

        // --- helpers ----------------------------------------------------------------------------

        private List<Long> reference(UserFilter filter) {
            return searchUsers.stream().filter(filter::matches).map(ServiceUser::id).sorted().toList();
        }

        private List<Long> searchIds(UserFilter filter) {
            return ids(repository.search(searchOrg.id(), filter, UserSort.ID, new PageRequest(0, 0, true)));
        }

        private List<Long> searchIdsInOrder(PageRequest page) {
            return ids(repository.search(searchOrg.id(), new UserFilter.All(), UserSort.ID, page));
        }

        private List<String> userNames(UserFilter filter) {
            return repository.search(searchOrg.id(), filter, UserSort.ID, PageRequest.ALL).items().stream()
                    .map(ServiceUser::userName).toList();
        }

        private static List<Long> ids(Page<ServiceUser> page) {
            return page.items().stream().map(ServiceUser::id).toList();
        }

        private ServiceUser searchUser(String userName, String displayName, UserState state, int minute) {
            Instant created = TestData.CREATED.plus(Duration.ofMinutes(minute));
            return new ServiceUser(TestData.nextId(), searchOrg.id(), userName, displayName, "", AccessTokenType.BEARER,
                    state, 1, created, created);
        }

        /** Users in {@link #org} whose fields sort differently from their ids, and the same in both collations. */
        private List<ServiceUser> sortFixture() {
            String tag = "s" + TestData.nextId();
            Function<Integer, Instant> at = minutes -> TestData.CREATED.plus(Duration.ofMinutes(minutes));
            List<ServiceUser> users = List.of(
                    new ServiceUser(TestData.nextId(), org.id(), tag + "-c", "b display", "", AccessTokenType.BEARER,
                            UserState.LOCKED, 1, at.apply(3), at.apply(3)),
                    new ServiceUser(TestData.nextId(), org.id(), tag + "-a", "d display", "", AccessTokenType.BEARER,
                            UserState.ACTIVE, 1, at.apply(4), at.apply(4)),
                    new ServiceUser(TestData.nextId(), org.id(), tag + "-d", "a display", "", AccessTokenType.BEARER,
                            UserState.DELETED, 1, at.apply(1), at.apply(1)),
                    new ServiceUser(TestData.nextId(), org.id(), tag + "-b", "c display", "", AccessTokenType.BEARER,
                            UserState.INACTIVE, 1, at.apply(2), at.apply(2)));
            users.forEach(repository::insert);
            return users;
        }

        private ServiceUser userWithTokensAndMemberships() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(user);
            tokens.insert(TestData.token(user.id(), org.id(), PersonalAccessToken.NO_EXPIRATION));
            tokens.insert(TestData.token(user.id(), org.id(), PersonalAccessToken.NO_EXPIRATION));
            memberships.insert(TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER)));
            memberships.insert(TestData.membership(user.id(), MemberScope.IAM, TestData.nextId(),
                    Set.of(Role.IAM_OWNER)));
            testDatabase().sql("DELETE FROM change_feed WHERE subject_id = " + user.id());
            return user;
        }

        private static ServiceUser named(ServiceUser user, String userName) {
            return new ServiceUser(user.id(), user.orgId(), userName, user.displayName(), user.description(),
                    user.accessTokenType(), user.state(), user.sequence(), user.createdAt(), user.changedAt());
        }

        private static ServiceUser withState(ServiceUser user, UserState state) {
            return new ServiceUser(user.id(), user.orgId(), user.userName(), user.displayName(), user.description(),
                    user.accessTokenType(), state, user.sequence(), user.createdAt(), user.changedAt());
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
