package dev.warden.persistence.member;

import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

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

        private ServiceUser newUser() {
            ServiceUser user = TestData.user(org.id());
            users.insert(db().execute(), user);
            return user;
        }
    }
}
