package dev.warden.persistence.member;

import dev.warden.application.error.ConflictException;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbMembershipRepositoryTest {

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
        private MariaDbMembershipRepository repository;
        private Organization org;
        private MariaDbServiceUserRepository users;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOrganization() {
            repository = new MariaDbMembershipRepository(db());
            users = new MariaDbServiceUserRepository(db());
            org = TestData.org();
            new MariaDbOrganizationRepository(db()).insert(db().execute(), org);
        }

        @Test
        void everyMembershipOfTheUserIsFoundWithItsRoles() {
            ServiceUser user = newUser();
            long instanceId = TestData.nextId();
            Membership onInstance = TestData.membership(user.id(), MemberScope.IAM, instanceId,
                    Set.of(Role.IAM_OWNER, Role.IAM_LOGIN_CLIENT));
            Membership onOrg = TestData.membership(user.id(), MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_OWNER, Role.ORG_USER_MANAGER, Role.SELF_MANAGEMENT_GLOBAL));
            repository.insert(db().execute(), onInstance);
            repository.insert(db().execute(), onOrg);

            assertThat(repository.findByUser(user.id())).containsExactlyInAnyOrder(onInstance, onOrg);
        }

        @Test
        void everyRoleOfAScopeIsStoredAndReadBack() {
            ServiceUser user = newUser();
            Membership allOrgRoles = TestData.membership(user.id(), MemberScope.ORG, org.id(),
                    EnumSet.copyOf(Role.grantableOn(MemberScope.ORG)));
            Membership allIamRoles = TestData.membership(user.id(), MemberScope.IAM, TestData.nextId(),
                    EnumSet.copyOf(Role.grantableOn(MemberScope.IAM)));
            repository.insert(db().execute(), allOrgRoles);
            repository.insert(db().execute(), allIamRoles);

            assertThat(repository.findByUser(user.id())).containsExactlyInAnyOrder(allOrgRoles, allIamRoles);
        }

        @Test
        void userWithoutMembershipsHasNone() {
            assertThat(repository.findByUser(newUser().id())).isEmpty();
        }

        @Test
        void membershipsOfOtherUsersAreNotReturned() {
            ServiceUser user = newUser();
            ServiceUser other = newUser();
            Membership mine = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(db().execute(), mine);
            repository.insert(db().execute(),
                    TestData.membership(other.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER_VIEWER)));

            assertThat(repository.findByUser(user.id())).containsExactly(mine);
        }

        @Test
        void aUserHasOneMembershipPerScope() {
            ServiceUser user = newUser();
            repository.insert(db().execute(),
                    TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER)));
            Membership again = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER_VIEWER));

            assertThatThrownBy(() -> repository.insert(db().execute(), again)).isInstanceOf(RuntimeException.class);
            assertThat(repository.findByUser(user.id())).extracting(Membership::roles)
                    .containsExactly(Set.of(Role.ORG_OWNER));
        }

        // --- find, insert, update, remove -------------------------------------------------------

        @Test
        void findReturnsTheMembershipOnThatScopeOnly() {
            ServiceUser user = newUser();
            Membership onOrg = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(onOrg);

            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(onOrg);
            assertThat(repository.find(user.id(), MemberScope.IAM, org.id())).isEmpty();
            assertThat(repository.find(user.id(), MemberScope.ORG, TestData.nextId())).isEmpty();
            assertThat(repository.find(TestData.nextId(), MemberScope.ORG, org.id())).isEmpty();
        }

        @Test
        void insertStoresTheMembershipAndWritesMembershipChanged() {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_USER_MANAGER));

            assertThat(repository.insert(membership)).isTrue();

            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(membership);
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("MEMBERSHIP_CHANGED");
        }

        @Test
        void insertOfAnExistingMembershipIsFalseAndChangesNothing() {
            ServiceUser user = newUser();
            Membership first = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(first);

            assertThat(repository.insert(TestData.membership(user.id(), MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_OWNER_VIEWER)))).isFalse();

            assertThat(repository.findByUser(user.id())).containsExactly(first);
            assertThat(testDatabase().changesAbout(user.id())).containsExactly("MEMBERSHIP_CHANGED");
        }

        @Test
        void insertForAnUnknownUserFailsAndRecordsNothing() {
            long nobody = TestData.nextId();

            assertThatThrownBy(() -> repository.insert(TestData.membership(nobody, MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_OWNER))))
                    // A missing parent means a concurrent removal (the services check first): 409, retry.
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Errors.Concurrency");

            assertThat(testDatabase().changesAbout(nobody)).isEmpty();
        }

        @Test
        void insertThatCannotWriteTheChangeFeedStoresNothing() {
            ServiceUser user = newUser();

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.insert(
                    TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER))))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findByUser(user.id())).isEmpty();
        }

        @Test
        void updateStoresTheNewRolesAndWritesMembershipChanged() {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(membership);
            Membership changed = membership.withRoles(Set.of(Role.ORG_OWNER_VIEWER, Role.ORG_USER_MANAGER),
                    TestData.CHANGED.plusSeconds(60));

            assertThat(repository.update(changed)).isEqualTo(UpdateResult.UPDATED);

            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(changed);
            assertThat(testDatabase().changesAbout(user.id()))
                    .containsExactly("MEMBERSHIP_CHANGED", "MEMBERSHIP_CHANGED");
        }

        @Test
        void updateOfAMissingMembershipStoresAndRecordsNothing() {
            ServiceUser user = newUser();

            assertThat(repository.update(TestData.membership(user.id(), MemberScope.ORG, org.id(),
                    Set.of(Role.ORG_OWNER)))).isEqualTo(UpdateResult.NOT_FOUND);

            assertThat(repository.findByUser(user.id())).isEmpty();
            assertThat(testDatabase().changesAbout(user.id())).isEmpty();
        }

        @Test
        void staleUpdateChangesNothingReportsTheConflictAndWritesNoChange() {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(membership);
            Membership viewer = membership.withRoles(Set.of(Role.ORG_OWNER_VIEWER), TestData.CHANGED.plusSeconds(60));
            repository.update(viewer);

            // Derived from the first read, as by a request that read before the other role change.
            assertThat(repository.update(membership.withRoles(Set.of(Role.ORG_USER_MANAGER),
                    TestData.CHANGED.plusSeconds(61)))).isEqualTo(UpdateResult.CONFLICT);

            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(viewer);
            assertThat(testDatabase().changesAbout(user.id()))
                    .containsExactly("MEMBERSHIP_CHANGED", "MEMBERSHIP_CHANGED");
        }

        @Test
        void theSequenceIsComparedWithThatMembershipOnly() {
            ServiceUser user = newUser();
            Membership onInstance = TestData.membership(user.id(), MemberScope.IAM, TestData.nextId(),
                    Set.of(Role.IAM_OWNER));
            Membership onOrg = new Membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER),
                    onInstance.sequence() + 3, TestData.CREATED, TestData.CHANGED);
            repository.insert(onOrg);
            repository.insert(onInstance);
            // Derived from a read of sequence 4: the instance membership has it, the one on the org has not.
            Membership staleOnOrg = new Membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER_VIEWER),
                    onInstance.sequence() + 1, TestData.CREATED, TestData.CHANGED);

            assertThat(repository.update(staleOnOrg)).isEqualTo(UpdateResult.CONFLICT);

            assertThat(repository.findByUser(user.id())).containsExactlyInAnyOrder(onOrg, onInstance);
        }

        @Test
        void ofConcurrentUpdatesFromTheSameReadExactlyOneWins() throws Exception {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(membership);
            List<Set<Role>> roleSets = List.of(Set.of(Role.ORG_OWNER_VIEWER), Set.of(Role.ORG_USER_MANAGER),
                    Set.of(Role.ORG_SETTINGS_MANAGER), Set.of(Role.ORG_OWNER_VIEWER, Role.ORG_USER_MANAGER));
            List<Membership> candidates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                candidates.add(membership.withRoles(roleSets.get(i % roleSets.size()), TestData.CHANGED.plusSeconds(i)));
            }

            List<UpdateResult> results = Race.run(candidates.stream()
                    .<Supplier<UpdateResult>>map(candidate -> () -> repository.update(candidate))
                    .toList());

            assertThat(results).containsOnlyOnce(UpdateResult.UPDATED)
                    .containsOnly(UpdateResult.UPDATED, UpdateResult.CONFLICT);
            Membership winner = candidates.get(results.indexOf(UpdateResult.UPDATED));
            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(winner);
            assertThat(testDatabase().changesAbout(user.id()))
                    .containsExactly("MEMBERSHIP_CHANGED", "MEMBERSHIP_CHANGED");
        }

        @Test
        void updateThatCannotWriteTheChangeFeedKeepsTheOldRoles() {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(membership);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.update(
                    membership.withRoles(Set.of(Role.ORG_OWNER_VIEWER), TestData.CHANGED)))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.find(user.id(), MemberScope.ORG, org.id())).contains(membership);
        }

        @Test
        void removeDeletesOnlyThatMembershipAndWritesMembershipChanged() {
            ServiceUser user = newUser();
            Membership onOrg = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            Membership onInstance = TestData.membership(user.id(), MemberScope.IAM, TestData.nextId(),
                    Set.of(Role.IAM_OWNER));
            repository.insert(onOrg);
            repository.insert(onInstance);

            assertThat(repository.remove(user.id(), MemberScope.ORG, org.id())).isTrue();

            assertThat(repository.findByUser(user.id())).containsExactly(onInstance);
            assertThat(testDatabase().changesAbout(user.id())).hasSize(3).containsOnly("MEMBERSHIP_CHANGED");
        }

        @Test
        void removeOfAMissingMembershipIsFalseAndRecordsNothing() {
            ServiceUser user = newUser();

            assertThat(repository.remove(user.id(), MemberScope.ORG, org.id())).isFalse();

            assertThat(testDatabase().changesAbout(user.id())).isEmpty();
        }

        @Test
        void removeThatCannotWriteTheChangeFeedKeepsTheMembership() {
            ServiceUser user = newUser();
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER));
            repository.insert(membership);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(
                    () -> repository.remove(user.id(), MemberScope.ORG, org.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findByUser(user.id())).containsExactly(membership);
        }

        // --- search -----------------------------------------------------------------------------

        @Test
        void searchReturnsTheScopesMembersWithTheirUsersOrderedByUserName() {
            Organization scope = newOrg();
            String tag = "m" + TestData.nextId();
            ServiceUser charlie = newUser(tag + "-charlie");
            ServiceUser alpha = newUser(tag + "-alpha");
            ServiceUser bravo = newUser(tag + "-bravo");
            Membership ofCharlie = grant(charlie, scope, Role.ORG_OWNER);
            Membership ofAlpha = grant(alpha, scope, Role.ORG_OWNER_VIEWER, Role.ORG_USER_MANAGER);
            Membership ofBravo = grant(bravo, scope, Role.ORG_SETTINGS_MANAGER);
            // Not members of this scope:
            grant(newUser(), org, Role.ORG_OWNER);
            repository.insert(TestData.membership(alpha.id(), MemberScope.IAM, scope.id(), Set.of(Role.IAM_OWNER)));

            Page<Member> ascending = repository.search(MemberScope.ORG, scope.id(), new MemberFilter.All(),
                    new PageRequest(0, 0, true));

            assertThat(ascending.items()).containsExactly(new Member(ofAlpha, alpha), new Member(ofBravo, bravo),
                    new Member(ofCharlie, charlie));
            assertThat(ascending.total()).isEqualTo(3);
            assertThat(repository.search(MemberScope.ORG, scope.id(), new MemberFilter.All(),
                    new PageRequest(0, 0, false)).items()).extracting(member -> member.user().id())
                    .containsExactly(charlie.id(), bravo.id(), alpha.id());
        }

        @Test
        void searchOfTheInstanceScopeSeesOnlyInstanceMemberships() {
            long instanceId = TestData.nextId();
            ServiceUser user = newUser();
            Membership onInstance = TestData.membership(user.id(), MemberScope.IAM, instanceId,
                    Set.of(Role.IAM_ORG_MANAGER));
            repository.insert(onInstance);

            assertThat(repository.search(MemberScope.IAM, instanceId, new MemberFilter.All(), PageRequest.ALL))
                    .isEqualTo(new Page<>(List.of(new Member(onInstance, user)), 1));
            assertThat(repository.search(MemberScope.ORG, instanceId, new MemberFilter.All(), PageRequest.ALL)
                    .items()).isEmpty();
        }

        @Test
        void searchFiltersByUserIdAndMatchesNothingForFieldsServiceUsersLack() {
            Organization scope = newOrg();
            ServiceUser one = newUser();
            ServiceUser two = newUser();
            Membership ofOne = grant(one, scope, Role.ORG_OWNER);
            grant(two, scope, Role.ORG_OWNER);

            assertThat(repository.search(MemberScope.ORG, scope.id(), new MemberFilter.UserId(one.id()),
                    PageRequest.ALL)).isEqualTo(new Page<>(List.of(new Member(ofOne, one)), 1));
            assertThat(repository.search(MemberScope.ORG, scope.id(), new MemberFilter.Nothing(), PageRequest.ALL))
                    .isEqualTo(new Page<Member>(List.of(), 0));
            assertThat(repository.search(MemberScope.ORG, scope.id(), new MemberFilter.UserId(TestData.nextId()),
                    PageRequest.ALL)).isEqualTo(new Page<Member>(List.of(), 0));
        }

        @Test
        void searchPagesAndCountsEveryMember() {
            Organization scope = newOrg();
            String tag = "p" + TestData.nextId();
            List<Long> byName = new ArrayList<>();
            for (String name : List.of("a", "b", "c", "d", "e")) {
                ServiceUser user = newUser(tag + "-" + name);
                grant(user, scope, Role.ORG_OWNER_VIEWER);
                byName.add(user.id());
            }

            Page<Member> middle = repository.search(MemberScope.ORG, scope.id(), new MemberFilter.All(),
                    new PageRequest(1, 3, true));
            assertThat(middle.items()).extracting(member -> member.user().id()).isEqualTo(byName.subList(1, 4));
            assertThat(middle.total()).isEqualTo(5);
            Page<Member> lastDescending = repository.search(MemberScope.ORG, scope.id(), new MemberFilter.All(),
                    new PageRequest(4, 10, false));
            assertThat(lastDescending.items()).extracting(member -> member.user().id()).containsExactly(byName.get(0));
            assertThat(lastDescending.total()).isEqualTo(5);
            Page<Member> pastTheEnd = repository.search(MemberScope.ORG, scope.id(), new MemberFilter.All(),
                    new PageRequest(5, 10, true));
            assertThat(pastTheEnd.items()).isEmpty();
            assertThat(pastTheEnd.total()).isEqualTo(5);
        }

        private Membership grant(ServiceUser user, Organization on, Role... roles) {
            Membership membership = TestData.membership(user.id(), MemberScope.ORG, on.id(), Set.of(roles));
            repository.insert(membership);
            return membership;
        }

        private Organization newOrg() {
            Organization created = TestData.org();
            new MariaDbOrganizationRepository(db()).insert(db().execute(), created);
            return created;
        }

        private ServiceUser newUser() {
            ServiceUser user = TestData.user(org.id());
            users.insert(db().execute(), user);
            return user;
        }

        private ServiceUser newUser(String userName) {
            ServiceUser user = ServiceUser.create(TestData.nextId(), org.id(), userName, "Display " + userName,
                    TestData.CREATED);
            users.insert(user);
            return user;
        }
    }
}
