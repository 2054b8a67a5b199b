package dev.warden.persistence.cache;

import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.ClientPrincipal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caches introspection reads on every call hold at most their configured number of entries
 * (issue 5: caches stay bounded in memory). Shown by behaviour: after 200 distinct keys through a
 * cache of 10, reading them all again goes to the delegate at least 190 times.
 */
class IntrospectionCachesAreBoundedTest {

    private static final int BOUND = 10;
    private static final int KEYS = 200;
    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void theApiClientDirectoryCacheIsBounded() {
        AtomicInteger lookups = new AtomicInteger();
        ApiClientDirectory delegate = new ApiClientDirectory() {
            @Override
            public Optional<ApiClient> findByClientId(String clientId) {
                lookups.incrementAndGet();
                return Optional.of(new ApiClient(Long.parseLong(clientId), 1, 1, clientId, true, Optional.empty(),
                        List.of()));
            }

            @Override
            public boolean updateSecretHash(long appId, dev.warden.domain.token.SecretHash expected,
                                            dev.warden.domain.token.SecretHash replacement) {
                return false;
            }
        };
        var cache = new CachingApiClientDirectory(delegate, BOUND, TTL);
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= KEYS; i++) {
                cache.findByClientId(Integer.toString(i));
            }
        }

        assertThat(lookups.get()).isGreaterThanOrEqualTo(2 * KEYS - BOUND);
    }

    @Test
    void theRoleGrantsCacheIsBounded() {
        AtomicInteger lookups = new AtomicInteger();
        ProjectRoleGrants delegate = (userId, projectId) -> {
            lookups.incrementAndGet();
            return List.of(new RoleGrant("reader", 1, "acme.localhost"));
        };
        var cache = new CachingProjectRoleGrants(delegate, BOUND, TTL);
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= KEYS; i++) {
                cache.activeRoles(i, 7);
            }
        }

        assertThat(lookups.get()).isGreaterThanOrEqualTo(2 * KEYS - BOUND);
    }

    @Test
    void theUserReaderCacheIsBounded() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("ACME");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            ids.add(ports.serviceUser(org, "robot-" + i).id());
        }
        var cache = new CachingServiceUserReader(ports.users, BOUND, TTL);
        ids.forEach(cache::findById);
        // Remove them from the store: whatever the cache still answers, it kept.
        ids.forEach(ports.users::remove);

        long stillAnswered = ids.stream().filter(id -> cache.findById(id).isPresent()).count();

        assertThat(stillAnswered).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void theVerifiedClientCacheIsBounded() {
        var cache = new CaffeineVerifiedClientCache(BOUND, TTL);
        for (int i = 1; i <= KEYS; i++) {
            cache.put("digest-" + i, new ClientPrincipal(i, 1, 1, "client-" + i, "secret", "api-client-secret"));
        }

        long kept = 0;
        for (int i = 1; i <= KEYS; i++) {
            kept += cache.get("digest-" + i).isPresent() ? 1 : 0;
        }

        assertThat(kept).isLessThanOrEqualTo(BOUND);
    }
}
