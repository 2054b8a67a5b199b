package dev.warden.persistence.serviceuser;

import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        private MariaDbServiceUserRepository repository;
        private Organization org;
        private Organization otherOrg;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOrganizations() {
            repository = new MariaDbServiceUserRepository(db());
            MariaDbOrganizationRepository orgs = new MariaDbOrganizationRepository(db());
            org = TestData.org();
            otherOrg = TestData.org();
            orgs.insert(db().execute(), org);
            orgs.insert(db().execute(), otherOrg);
        }

        @Test
        void storedUserIsFoundWithEveryFieldIntact() {
            ServiceUser user = TestData.user(org.id());
            repository.insert(db().execute(), user);

            assertThat(repository.findById(user.id())).contains(user);
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

        private static ServiceUser withState(ServiceUser user, UserState state) {
            return new ServiceUser(user.id(), user.orgId(), user.userName(), user.displayName(), user.description(),
                    user.accessTokenType(), state, user.sequence(), user.createdAt(), user.changedAt());
        }
    }
}
