package dev.warden.persistence.org;

import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        private MariaDbOrganizationRepository repository;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepository() {
            repository = new MariaDbOrganizationRepository(db());
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
    }
}
