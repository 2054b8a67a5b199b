package dev.warden.persistence.oauth;

import dev.warden.application.error.ConflictException;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.key.MariaDbMachineKeyRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbAccessTokenRepositoryTest {

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
        private static final Instant ISSUED = Instant.parse("2026-03-29T02:30:00Z");
        private static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(12));

        private MariaDbAccessTokenRepository repository;
        private MariaDbServiceUserRepository users;
        private MariaDbMachineKeyRepository keys;
        private MariaDbOrganizationRepository organizations;
        private Organization org;
        private ServiceUser user;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositoryAndOwner() {
            repository = new MariaDbAccessTokenRepository(db(), Clock.systemUTC());
            users = new MariaDbServiceUserRepository(db());
            keys = new MariaDbMachineKeyRepository(db());
            organizations = new MariaDbOrganizationRepository(db());
            org = newOrg();
            user = newUser(org);
        }

        @Test
        void opaqueTokenIsFoundWithEveryFieldIntactAndMatchesOnlyItsSecret() {
            OpaqueToken secret = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, TestData.nextId());
            AccessToken token = AccessToken.opaque(secret, user.id(), org.id(), user.userName(), Optional.empty(),
                    List.of("openid", "urn:zitadel:iam:org:project:id:zitadel:aud"), List.of("4711"),
                    ISSUED.plusNanos(123_456_000), EXPIRES);

            repository.insert(token);

            AccessToken found = repository.findById(token.id()).orElseThrow();
            assertThat(found).isEqualTo(token);
            assertThat(found.matches(secret.secret())).isTrue();
            assertThat(testDatabase().countWhere("access_tokens", "secret_digest = '"
                    + token.secretDigest().orElseThrow() + "'")).isOne();
        }

        @Test
        void jwtTokenWithKeyAndWithoutScopesOrAudienceIsFoundIntact() {
            MachineKey key = newKey(user);
            AccessToken token = AccessToken.jwt(TestData.nextId(), user.id(), org.id(), user.userName(),
                    Optional.of(key.id()), List.of(), List.of(), ISSUED, EXPIRES);

            repository.insert(token);

            assertThat(repository.findById(token.id())).contains(token);
        }

        @Test
        void unknownTokenIsEmpty() {
            assertThat(repository.findById(TestData.nextId())).isEmpty();
        }

        @Test
        void insertForAMissingUserOrKeyFails() {
            assertThatThrownBy(() -> repository.insert(AccessToken.jwt(TestData.nextId(), TestData.nextId(), org.id(),
                    "ghost", Optional.empty(), List.of(), List.of(), ISSUED, EXPIRES)))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> repository.insert(AccessToken.jwt(TestData.nextId(), user.id(), org.id(),
                    "robot", Optional.of(TestData.nextId()), List.of(), List.of(), ISSUED, EXPIRES)))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void revokeDeletesTheTokenAndWritesCredentialRevokedOnce() {
            AccessToken token = newToken(user, Optional.empty(), EXPIRES);

            assertThat(repository.revoke(token.id())).isTrue();
            assertThat(repository.revoke(token.id())).isFalse();

            assertThat(repository.findById(token.id())).isEmpty();
            assertThat(testDatabase().changesAbout(token.id())).containsExactly("CREDENTIAL_REVOKED");
        }

        @Test
        void revokeThatCannotWriteTheChangeFeedKeepsTheToken() {
            AccessToken token = newToken(user, Optional.empty(), EXPIRES);

            testDatabase().withoutChangeFeed(() -> assertThatThrownBy(() -> repository.revoke(token.id()))
                    .isInstanceOf(IllegalStateException.class));

            assertThat(repository.findById(token.id())).contains(token);
        }

        @Test
        void removingTheMachineKeyRemovesExactlyTheTokensObtainedWithIt() {
            MachineKey key = newKey(user);
            AccessToken withKey = newToken(user, Optional.of(key.id()), EXPIRES);
            AccessToken withoutKey = newToken(user, Optional.empty(), EXPIRES);

            assertThat(keys.remove(key.id())).isTrue();

            assertThat(repository.findById(withKey.id())).isEmpty();
            assertThat(repository.findById(withoutKey.id())).contains(withoutKey);
            assertThat(testDatabase().changesAbout(user.id())).contains("USER_CHANGED");
        }

        @Test
        void removingTheUserOrItsOrganizationRemovesItsTokens() {
            ServiceUser owner = newUser(org);
            AccessToken gone = newToken(owner, Optional.of(newKey(owner).id()), EXPIRES);
            Organization doomed = newOrg();
            ServiceUser inside = newUser(doomed);
            AccessToken alsoGone = newToken(inside, Optional.empty(), EXPIRES);
            AccessToken kept = newToken(user, Optional.empty(), EXPIRES);

            users.remove(owner.id());
            organizations.remove(doomed.id());

            assertThat(repository.findById(gone.id())).isEmpty();
            assertThat(repository.findById(alsoGone.id())).isEmpty();
            assertThat(repository.findById(kept.id())).contains(kept);
        }

        @Test
        void purgeDeletesOnlyTokensExpiredBeforeNow() {
            ServiceUser owner = newUser(org);
            Instant now = Instant.parse("2030-01-01T00:00:00Z");
            AccessToken expired = newToken(owner, Optional.empty(), now.minusSeconds(1));
            AccessToken live = newToken(owner, Optional.empty(), now.plusSeconds(1));

            assertThat(repository.purgeExpired(now)).isGreaterThanOrEqualTo(1);

            assertThat(repository.findById(expired.id())).isEmpty();
            assertThat(repository.findById(live.id())).contains(live);
        }

        private AccessToken newToken(ServiceUser owner, Optional<Long> keyId, Instant expiresAt) {
            AccessToken token = AccessToken.opaque(OpaqueToken.generate(TokenKind.ACCESS_TOKEN, TestData.nextId()),
                    owner.id(), owner.orgId(), owner.userName(), keyId, List.of("openid"), List.of(),
                    expiresAt.minusSeconds(3600), expiresAt);
            repository.insert(token);
            return token;
        }

        private MachineKey newKey(ServiceUser owner) {
            MachineKey key = MachineKey.create(TestData.nextId(), owner.id(), owner.orgId(),
                    (RSAPublicKey) FakeRsaKeyGenerator.pair(0).getPublic(), null, TestData.CREATED);
            keys.insert(key);
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
    }
}
