package dev.warden.persistence.token;

import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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
        private MariaDbPersonalAccessTokenRepository repository;
        private ServiceUser user;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOwner() {
            repository = new MariaDbPersonalAccessTokenRepository(db());
            Organization org = TestData.org();
            new MariaDbOrganizationRepository(db()).insert(db().execute(), org);
            user = TestData.user(org.id());
            new MariaDbServiceUserRepository(db()).insert(db().execute(), user);
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
    }
}
