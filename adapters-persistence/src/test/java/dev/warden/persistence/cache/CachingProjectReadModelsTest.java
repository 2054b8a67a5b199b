package dev.warden.persistence.cache;

import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingProjectReadModelsTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private static Change change(ChangeKind kind, long subject) {
        return new Change(1, kind, subject, Instant.EPOCH);
    }

    @Nested
    class ApiClients {
        private final Map<String, ApiClient> stored = new ConcurrentHashMap<>();
        private final AtomicInteger lookups = new AtomicInteger();
        private final ApiClientDirectory delegate = new ApiClientDirectory() {
            @Override
            public Optional<ApiClient> findByClientId(String clientId) {
                lookups.incrementAndGet();
                return Optional.ofNullable(stored.get(clientId));
            }

            @Override
            public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
                for (ApiClient client : stored.values()) {
                    if (client.appId() == appId && client.secret().equals(Optional.of(expected))) {
                        stored.put(client.clientId(), new ApiClient(appId, client.projectId(), client.orgId(),
                                client.clientId(), client.active(), Optional.of(replacement), client.keys()));
                        return true;
                    }
                }
                return false;
            }
        };
        private final FakeTicker ticker = new FakeTicker();
        private final CachingApiClientDirectory directory = new CachingApiClientDirectory(delegate, 100, TTL, ticker);

        private ApiClient client(long appId, String clientId, boolean active) {
            return new ApiClient(appId, 10, 20, clientId, active, Optional.empty(), List.of());
        }

        @Test
        void answersAreCachedUnknownClientsIncluded() {
            stored.put("c1", client(1, "c1", true));

            assertThat(directory.findByClientId("c1")).contains(client(1, "c1", true));
            assertThat(directory.findByClientId("c1")).isPresent();
            assertThat(directory.findByClientId("nope")).isEmpty();
            assertThat(directory.findByClientId("nope")).isEmpty();

            assertThat(lookups).hasValue(2);
        }

        @Test
        void clientChangedForgetsThatAppAndEveryUnknownAnswerOnly() {
            stored.put("c1", client(1, "c1", true));
            stored.put("c2", client(2, "c2", true));
            directory.findByClientId("c1");
            directory.findByClientId("c2");
            directory.findByClientId("c3");
            stored.put("c1", client(1, "c1", false));
            stored.put("c3", client(3, "c3", true));

            directory.changed(change(ChangeKind.CLIENT_CHANGED, 1));

            assertThat(directory.findByClientId("c1").orElseThrow().active()).isFalse();
            assertThat(directory.findByClientId("c3")).isPresent();
            int before = lookups.get();
            directory.findByClientId("c2");
            assertThat(lookups).hasValue(before);
        }

        @Test
        void aWholeProjectOrAnOrganizationChangeForgetsEverything() {
            stored.put("c1", client(1, "c1", true));
            directory.findByClientId("c1");
            stored.put("c1", client(1, "c1", false));

            directory.changed(change(ChangeKind.GRANTS_CHANGED, 0));
            directory.changed(change(ChangeKind.USER_CHANGED, 1));
            assertThat(directory.findByClientId("c1").orElseThrow().active()).isTrue();

            directory.changed(change(ChangeKind.CLIENT_CHANGED, 0));
            assertThat(directory.findByClientId("c1").orElseThrow().active()).isFalse();

            stored.put("c1", client(1, "c1", true));
            directory.changed(change(ChangeKind.ORG_CHANGED, 20));
            assertThat(directory.findByClientId("c1").orElseThrow().active()).isTrue();
        }

        @Test
        void aStoredRehashForgetsThatAppHereAndAnUnstoredOneForgetsNothing() {
            SecretHash old = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$b2xk$b2xk");
            SecretHash fresh = new SecretHash("$hmac-sha256$v=1$k=AAAAAAAA$ZnJlc2g$ZnJlc2g");
            stored.put("c1", new ApiClient(1, 10, 20, "c1", true, Optional.of(old), List.of()));
            stored.put("c2", client(2, "c2", true));
            directory.findByClientId("c1");
            directory.findByClientId("c2");

            assertThat(directory.updateSecretHash(1, fresh, old)).isFalse();
            int before = lookups.get();
            assertThat(directory.findByClientId("c1").orElseThrow().secret()).contains(old);
            assertThat(lookups).hasValue(before);

            assertThat(directory.updateSecretHash(1, old, fresh)).isTrue();

            assertThat(directory.findByClientId("c1").orElseThrow().secret()).contains(fresh);
            assertThat(lookups).hasValue(before + 1);
            directory.findByClientId("c2");
            assertThat(lookups).as("other apps stay cached").hasValue(before + 1);
        }

        @Test
        void entriesExpireAfterTheTimeToLive() {
            directory.findByClientId("c1");
            stored.put("c1", client(1, "c1", true));
            ticker.advance(TTL.plusSeconds(1));

            assertThat(directory.findByClientId("c1")).isPresent();
        }
    }

    @Nested
    class RoleGrants {
        private final Map<List<Long>, List<RoleGrant>> stored = new ConcurrentHashMap<>();
        private final AtomicInteger lookups = new AtomicInteger();
        private final ProjectRoleGrants delegate = (userId, projectId) -> {
            lookups.incrementAndGet();
            return stored.getOrDefault(List.of(userId, projectId), List.of());
        };
        private final CachingProjectRoleGrants grants = new CachingProjectRoleGrants(delegate, 100, TTL,
                new FakeTicker());
        private final RoleGrant reader = new RoleGrant("reader", 20, "acme.localhost");

        @Test
        void rolesAreCachedPerUserAndProject() {
            stored.put(List.of(1L, 10L), List.of(reader));

            assertThat(grants.activeRoles(1, 10)).containsExactly(reader);
            assertThat(grants.activeRoles(1, 10)).containsExactly(reader);
            assertThat(grants.activeRoles(1, 11)).isEmpty();

            assertThat(lookups).hasValue(2);
        }

        @Test
        void grantsOrUserChangedForgetsThatUserOnly() {
            grants.activeRoles(1, 10);
            grants.activeRoles(2, 10);
            stored.put(List.of(1L, 10L), List.of(reader));
            stored.put(List.of(2L, 10L), List.of(reader));

            grants.changed(change(ChangeKind.GRANTS_CHANGED, 1));

            assertThat(grants.activeRoles(1, 10)).containsExactly(reader);
            assertThat(grants.activeRoles(2, 10)).isEmpty();
            grants.changed(change(ChangeKind.USER_CHANGED, 2));
            assertThat(grants.activeRoles(2, 10)).containsExactly(reader);
        }

        @Test
        void aRoleOrProjectRemovalOrAnOrganizationChangeForgetsEverything() {
            grants.activeRoles(1, 10);
            stored.put(List.of(1L, 10L), List.of(reader));

            grants.changed(change(ChangeKind.CLIENT_CHANGED, 0));
            grants.changed(change(ChangeKind.MEMBERSHIP_CHANGED, 1));
            assertThat(grants.activeRoles(1, 10)).isEmpty();

            grants.changed(change(ChangeKind.GRANTS_CHANGED, 0));
            assertThat(grants.activeRoles(1, 10)).containsExactly(reader);

            stored.put(List.of(1L, 10L), List.of());
            grants.changed(change(ChangeKind.ORG_CHANGED, 20));
            assertThat(grants.activeRoles(1, 10)).isEmpty();
        }
    }
}
