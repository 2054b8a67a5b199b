package dev.warden.persistence.org;

import dev.warden.application.error.ConflictException;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbOrganizationRepositoryTest {

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

        private MariaDbOrganizationRepository repository;
        private MariaDbServiceUserRepository users;
        private MariaDbMembershipRepository memberships;
        private MariaDbPersonalAccessTokenRepository tokens;
        /** A user of an organization that no test removes, to own new organizations. */
        private ServiceUser creator;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositories() {
            repository = new MariaDbOrganizationRepository(db());
            users = new MariaDbServiceUserRepository(db());
            memberships = new MariaDbMembershipRepository(db());
            tokens = new MariaDbPersonalAccessTokenRepository(db());
            Organization home = TestData.org();
            repository.insert(db().execute(), home);
            creator = newUser(home);
        }

        @Test
        void storedOrganizationIsFoundWithEveryFieldIntact() {
            Organization org = TestData.org();
            repository.insert(db().execute(), org);

            assertThat(repository.findById(org.id())).contains(org);
        }

        @Test
        void unknownIdIsNotFound() {
            assertThat(repository.findById(TestData.nextId())).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(OrgState.class)
        void everyStateIsStoredAndReadBack(OrgState state) {
            Organization active = TestData.org();
            Organization org = new Organization(active.id(), active.name(), active.primaryDomain(), state,
                    active.sequence(), active.createdAt(), active.changedAt());
            repository.insert(db().execute(), org);

            assertThat(repository.findById(org.id())).map(Organization::state).contains(state);
        }

        @Test
        void organizationNamesAreUniqueIgnoringCase() {
            Organization first = TestData.org();
            repository.insert(db().execute(), first);
            Organization second = TestData.org();
            Organization sameName = new Organization(second.id(), first.name().toUpperCase(), second.primaryDomain(),
                    OrgState.ACTIVE, 1, second.createdAt(), second.changedAt());

            assertThatThrownBy(() -> repository.insert(db().execute(), sameName)).isInstanceOf(RuntimeException.class);
            assertThat(repository.findById(sameName.id())).isEmpty();
        }

        // --- insert with owner ------------------------------------------------------------------

        @Test
        void insertStoresTheOrganizationAndItsOwnerTogether() {
            Organization org = TestData.org();
            Membership owner = ownerOf(org);

            assertThat(repository.insert(org, owner)).isTrue();

            assertThat(repository.findById(org.id())).contains(org);
            assertThat(memberships.find(creator.id(), MemberScope.ORG, org.id())).contains(owner);
        }

        @Test
        void insertWritesOrgChangedAndMembershipChangedForTheOwner() {
            Organization org = TestData.org();
            ServiceUser owner = newUser(TestData.org());

            repository.insert(org, TestData.membership(owner.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER)));

            assertThat(testDatabase().changesAbout(org.id())).containsExactly("ORG_CHANGED");
            assertThat(testDatabase().changesAbout(owner.id())).containsExactly("MEMBERSHIP_CHANGED");
        }

        @Test
        void insertWithATakenNameInAnotherCaseReturnsFalseAndStoresNothing() {
            Organization first = TestData.org();
            repository.insert(first, ownerOf(first));
            Organization second = TestData.org();
            Organization sameName = new Organization(second.id(), first.name().toLowerCase(), second.primaryDomain(),
                    OrgState.ACTIVE, 1, second.createdAt(), second.changedAt());
            ServiceUser owner = newUser(TestData.org());

            assertThat(repository.insert(sameName,
                    TestData.membership(owner.id(), MemberScope.ORG, sameName.id(), Set.of(Role.ORG_OWNER)))).isFalse();

            assertThat(repository.findById(sameName.id())).isEmpty();
            assertThat(testDatabase().countWhere("memberships", "scope_id = " + sameName.id())).isZero();
            assertThat(testDatabase().changesAbout(sameName.id())).isEmpty();
            assertThat(testDatabase().changesAbout(owner.id())).isEmpty();
        }

        @Test
        void insertWithATakenIdReturnsFalseAndKeepsTheFirst() {
            Organization first = TestData.org();
            repository.insert(first, ownerOf(first));
            Organization sameId = new Organization(first.id(), "Other " + TestData.nextId(), "other.localhost",
                    OrgState.ACTIVE, 1, TestData.CREATED, TestData.CHANGED);

            assertThat(repository.insert(sameId, ownerOf(sameId))).isFalse();

            assertThat(repository.findById(first.id())).contains(first);
            assertThat(testDatabase().changesAbout(first.id())).containsExactly("ORG_CHANGED");
        }

        @Test
        void insertThatFailsAfterTheOrganizationStoresNothing() {
            Organization org = TestData.org();
            // The owner's user does not exist: the organization is written before its foreign key fails.
            long nobody = TestData.nextId();
            Membership ownerWithoutUser = TestData.membership(nobody, MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));

            assertThatThrownBy(() -> repository.insert(org, ownerWithoutUser))
                    // A missing parent means a concurrent removal (the services check first): 409, retry.
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Errors.Concurrency");

            assertThat(repository.findById(org.id())).isEmpty();
            assertThat(testDatabase().changesAbout(org.id())).isEmpty();
            assertThat(testDatabase().changesAbout(nobody)).isEmpty();
        }

        @Test
        void insertThatCannotWriteTheChangeFeedStoresNothing() {
            Organization org = TestData.org();

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.insert(org, ownerOf(org)))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(org.id())).isEmpty();
            assertThat(memberships.find(creator.id(), MemberScope.ORG, org.id())).isEmpty();
        }

        @Test
        void ownerMustBeAMembershipOnTheNewOrganization() {
            Organization org = TestData.org();
            Membership elsewhere = TestData.membership(creator.id(), MemberScope.ORG, TestData.nextId(),
                    Set.of(Role.ORG_OWNER));

            assertThatThrownBy(() -> repository.insert(org, elsewhere)).isInstanceOf(IllegalArgumentException.class);
            assertThat(repository.findById(org.id())).isEmpty();
        }

        // --- update -----------------------------------------------------------------------------

        @Test
        void updateStoresTheRenamedOrganizationAndWritesOrgChanged() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            Organization renamed = org.withName("Renamed " + TestData.nextId(), "warden.localhost", LATER);

            assertThat(repository.update(renamed)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(org.id())).contains(renamed);
            assertThat(testDatabase().changesAbout(org.id())).containsExactly("ORG_CHANGED", "ORG_CHANGED");
        }

        @Test
        void updateStoresANewState() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            Organization inactive = org.withState(OrgState.INACTIVE, LATER);

            assertThat(repository.update(inactive)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(org.id())).contains(inactive);
        }

        @Test
        void updateToATakenNameReturnsFalseAndKeepsTheOldName() {
            Organization taken = TestData.org();
            repository.insert(taken, ownerOf(taken));
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));

            assertThat(repository.update(org.withName(taken.name().toUpperCase(), "warden.localhost", LATER)))
                    .isEqualTo(UpdateResult.DUPLICATE_NAME);

            assertThat(repository.findById(org.id())).contains(org);
            assertThat(testDatabase().changesAbout(org.id())).containsExactly("ORG_CHANGED");
        }

        @Test
        void updateToTheSameNameInAnotherCaseIsNoConflictWithItself() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            Organization shouted = org.withName(org.name().toUpperCase(), "warden.localhost", LATER);

            assertThat(repository.update(shouted)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.findById(org.id())).contains(shouted);
        }

        @Test
        void updateOfAnUnknownOrganizationStoresAndRecordsNothing() {
            Organization unknown = TestData.org();

            assertThat(repository.update(unknown.withState(OrgState.INACTIVE, LATER)))
                    .isEqualTo(UpdateResult.NOT_FOUND);

            assertThat(repository.findById(unknown.id())).isEmpty();
            assertThat(testDatabase().changesAbout(unknown.id())).isEmpty();
        }

        @Test
        void staleUpdateChangesNothingReportsTheConflictAndWritesNoChange() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            Organization renamed = org.withName("Renamed " + TestData.nextId(), "warden.localhost", LATER);
            repository.update(renamed);

            // Derived from the first read, as by a request that read before the rename.
            assertThat(repository.update(org.withState(OrgState.INACTIVE, LATER.plusSeconds(1))))
                    .isEqualTo(UpdateResult.CONFLICT);

            assertThat(repository.findById(org.id())).contains(renamed);
            assertThat(testDatabase().changesAbout(org.id())).containsExactly("ORG_CHANGED", "ORG_CHANGED");
        }

        @Test
        void staleRenameToATakenNameIsAConflict() {
            Organization taken = TestData.org();
            repository.insert(taken, ownerOf(taken));
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            repository.update(org.withState(OrgState.INACTIVE, LATER));

            assertThat(repository.update(org.withName(taken.name(), "warden.localhost", LATER)))
                    .isEqualTo(UpdateResult.CONFLICT);
        }

        @Test
        void ofConcurrentUpdatesFromTheSameReadExactlyOneWins() throws Exception {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            List<Organization> candidates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                candidates.add(i % 2 == 0 ? org.withName("Racer " + TestData.nextId(), "warden.localhost", LATER)
                        : org.withState(OrgState.INACTIVE, LATER));
            }

            List<UpdateResult> results = Race.run(candidates.stream()
                    .<Supplier<UpdateResult>>map(candidate -> () -> repository.update(candidate))
                    .toList());

            assertThat(results).containsOnlyOnce(UpdateResult.UPDATED)
                    .containsOnly(UpdateResult.UPDATED, UpdateResult.CONFLICT);
            Organization winner = candidates.get(results.indexOf(UpdateResult.UPDATED));
            assertThat(repository.findById(org.id())).contains(winner);
            assertThat(testDatabase().changesAbout(org.id())).containsExactly("ORG_CHANGED", "ORG_CHANGED");
        }

        @Test
        void updateThatCannotWriteTheChangeFeedKeepsTheOldValues() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(
                    () -> repository.update(org.withState(OrgState.INACTIVE, LATER)))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(org.id())).contains(org);
        }

        // --- remove -----------------------------------------------------------------------------

        @Test
        void removeDeletesTheOrganizationWithItsUsersTokensAndMemberships() {
            World world = world();

            repository.remove(world.org.id());

            assertThat(repository.findById(world.org.id())).isEmpty();
            assertThat(testDatabase().countWhere("users", "org_id = " + world.org.id())).isZero();
            for (ServiceUser user : List.of(world.member, world.other)) {
                assertThat(testDatabase().countWhere("personal_access_tokens", "user_id = " + user.id())).isZero();
                assertThat(testDatabase().countWhere("memberships", "user_id = " + user.id())).isZero();
            }
            assertThat(testDatabase().countWhere("memberships", "scope = 'ORG' AND scope_id = " + world.org.id()))
                    .isZero();
        }

        @Test
        void removeLeavesOtherOrganizationsAndTheirUsersAlone() {
            World world = world();

            repository.remove(world.org.id());

            assertThat(repository.findById(world.neighbour.id())).contains(world.neighbour);
            assertThat(users.findById(world.outsider.id())).contains(world.outsider);
            assertThat(tokens.findById(world.outsiderToken.id())).contains(world.outsiderToken);
            // The outsider loses only its membership on the removed organization.
            assertThat(memberships.findByUser(world.outsider.id()))
                    .extracting(Membership::scopeId).containsExactly(world.neighbour.id());
        }

        @Test
        void removeWritesChangesForTheOrganizationItsUsersAndEveryoneWhoLostAMembership() {
            World world = world();

            repository.remove(world.org.id());

            assertThat(testDatabase().changesAbout(world.org.id())).containsExactly("ORG_CHANGED");
            assertThat(testDatabase().changesAbout(world.member.id()))
                    .containsExactlyInAnyOrder("USER_CHANGED", "MEMBERSHIP_CHANGED");
            assertThat(testDatabase().changesAbout(world.other.id())).containsExactly("USER_CHANGED");
            assertThat(testDatabase().changesAbout(world.outsider.id())).containsExactly("MEMBERSHIP_CHANGED");
            assertThat(testDatabase().changesAbout(world.neighbour.id())).isEmpty();
        }

        @Test
        void removeOfAnUnknownOrganizationChangesNothing() {
            long unknown = TestData.nextId();

            repository.remove(unknown);

            assertThat(testDatabase().changesAbout(unknown)).isEmpty();
        }

        @Test
        void removeThatCannotWriteTheChangeFeedLeavesEverything() {
            World world = world();
            long users = testDatabase().count("users");
            long tokenRows = testDatabase().count("personal_access_tokens");
            long membershipRows = testDatabase().count("memberships");

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.remove(world.org.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(world.org.id())).contains(world.org);
            assertThat(testDatabase().count("users")).isEqualTo(users);
            assertThat(testDatabase().count("personal_access_tokens")).isEqualTo(tokenRows);
            assertThat(testDatabase().count("memberships")).isEqualTo(membershipRows);
        }

        // --- list -------------------------------------------------------------------------------

        @Test
        void listMatchesEveryTextMethodOnNameAndDomainExactly() {
            String tag = "lst" + TestData.nextId();
            List<Organization> orgs = List.of(
                    org(tag + " Alpha", "alpha.example", OrgState.ACTIVE),
                    org(tag + " alphabet", "ALPHABET.example", OrgState.ACTIVE),
                    org(tag + " 50% off", "fifty_off.example", OrgState.INACTIVE),
                    org(tag + " x_y", "x-y.example", OrgState.ACTIVE));
            orgs.forEach(org -> repository.insert(db().execute(), org));
            List<String> queries = List.of("Alpha", "alpha", "ALPHA", "%", "_", "5", "0% off", "example",
                    ".EXAMPLE", "a", "' OR 1=1 --");

            for (TextMatch match : TextMatch.values()) {
                for (String query : queries) {
                    assertListMatchesReference(tag, new OrgFilter.Name(tag + " " + query, match), orgs);
                    assertListMatchesReference(tag, new OrgFilter.Domain(query, match), orgs);
                }
            }
        }

        @Test
        void listFiltersByStateAndIdAndCombinesWithAnd() {
            String tag = "sel" + TestData.nextId();
            Organization active = org(tag + " one", "one.example", OrgState.ACTIVE);
            Organization inactive = org(tag + " two", "two.example", OrgState.INACTIVE);
            List.of(active, inactive).forEach(org -> repository.insert(db().execute(), org));
            OrgFilter.Name tagged = new OrgFilter.Name(tag, TextMatch.STARTS_WITH);

            assertThat(ids(repository.list(new OrgFilter.And(List.of(tagged, new OrgFilter.State(OrgState.INACTIVE))),
                    PageRequest.ALL))).containsExactly(inactive.id());
            assertThat(ids(repository.list(new OrgFilter.Id(active.id()), PageRequest.ALL)))
                    .containsExactly(active.id());
            assertThat(ids(repository.list(new OrgFilter.And(List.of(new OrgFilter.Id(active.id()),
                    new OrgFilter.State(OrgState.INACTIVE))), PageRequest.ALL))).isEmpty();
            assertThat(repository.list(new OrgFilter.All(), PageRequest.ALL).total())
                    .isEqualTo(testDatabase().count("orgs"));
        }

        @Test
        void listIsOrderedByNameInTheRequestedDirectionAndPaged() {
            String tag = "pg" + TestData.nextId();
            List<Organization> orgs = List.of(org(tag + " c", "c.example", OrgState.ACTIVE),
                    org(tag + " a", "a.example", OrgState.ACTIVE), org(tag + " d", "d.example", OrgState.ACTIVE),
                    org(tag + " b", "b.example", OrgState.ACTIVE));
            orgs.forEach(org -> repository.insert(db().execute(), org));
            OrgFilter tagged = new OrgFilter.Name(tag + " ", TextMatch.STARTS_WITH);
            List<Long> ascending = orgs.stream().sorted(Comparator.comparing(Organization::name))
                    .map(Organization::id).toList();

            assertThat(ids(repository.list(tagged, new PageRequest(0, 0, true)))).isEqualTo(ascending);
            assertThat(ids(repository.list(tagged, new PageRequest(0, 0, false)))).isEqualTo(ascending.reversed());
            Page<Organization> middle = repository.list(tagged, new PageRequest(1, 2, true));
            assertThat(ids(middle)).isEqualTo(ascending.subList(1, 3));
            assertThat(middle.total()).isEqualTo(4);
            Page<Organization> pastTheEnd = repository.list(tagged, new PageRequest(10, 2, false));
            assertThat(pastTheEnd.items()).isEmpty();
            assertThat(pastTheEnd.total()).isEqualTo(4);
        }

        private void assertListMatchesReference(String tag, OrgFilter filter, List<Organization> candidates) {
            OrgFilter onlyThese = new OrgFilter.And(List.of(new OrgFilter.Name(tag + " ", TextMatch.STARTS_WITH),
                    filter));
            Predicate<Organization> reference = filter::matches;
            List<Long> expected = candidates.stream().filter(reference)
                    .sorted(Comparator.comparing(Organization::id)).map(Organization::id).toList();
            List<Long> actual = new ArrayList<>(ids(repository.list(onlyThese, PageRequest.ALL)));
            actual.sort(Comparator.naturalOrder());
            assertThat(actual).as(filter.toString()).isEqualTo(expected);
        }

        private static List<Long> ids(Page<Organization> page) {
            return page.items().stream().map(Organization::id).toList();
        }

        private static Organization org(String name, String domain, OrgState state) {
            return new Organization(TestData.nextId(), name, domain, state, 1, TestData.CREATED, TestData.CHANGED);
        }

        private Membership ownerOf(Organization org) {
            return TestData.membership(creator.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
        }

        private ServiceUser newUser(Organization org) {
            if (repository.findById(org.id()).isEmpty()) {
                repository.insert(db().execute(), org);
            }
            ServiceUser user = TestData.user(org.id());
            users.insert(db().execute(), user);
            return user;
        }

        /**
         * An organization with two users (one a member of it and of the instance, both with tokens),
         * and a neighbour organization whose user is a member of both organizations.
         */
        private World world() {
            Organization org = TestData.org();
            repository.insert(org, ownerOf(org));
            ServiceUser member = newUser(org);
            ServiceUser other = newUser(org);
            Organization neighbour = TestData.org();
            repository.insert(neighbour, ownerOf(neighbour));
            ServiceUser outsider = newUser(neighbour);
            memberships.insert(TestData.membership(member.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER)));
            memberships.insert(TestData.membership(member.id(), MemberScope.IAM, TestData.nextId(),
                    Set.of(Role.IAM_OWNER_VIEWER)));
            memberships.insert(TestData.membership(outsider.id(), MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_USER_MANAGER)));
            memberships.insert(TestData.membership(outsider.id(), MemberScope.ORG, neighbour.id(),
                    Set.of(Role.ORG_OWNER)));
            tokens.insert(TestData.token(member.id(), org.id(), PersonalAccessToken.NO_EXPIRATION));
            tokens.insert(TestData.token(other.id(), org.id(), PersonalAccessToken.NO_EXPIRATION));
            tokens.insert(TestData.token(other.id(), org.id(), PersonalAccessToken.NO_EXPIRATION));
            PersonalAccessToken outsiderToken = TestData.token(outsider.id(), neighbour.id(),
                    PersonalAccessToken.NO_EXPIRATION);
            tokens.insert(outsiderToken);
            // The set-up's own entries do not count.
            testDatabase().sql("DELETE FROM change_feed");
            return new World(org, member, other, neighbour, outsider, outsiderToken);
        }

        private record World(Organization org, ServiceUser member, ServiceUser other, Organization neighbour,
                             ServiceUser outsider, PersonalAccessToken outsiderToken) {
        }
    }
}
