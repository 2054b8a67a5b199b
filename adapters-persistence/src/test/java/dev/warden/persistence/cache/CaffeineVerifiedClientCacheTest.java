package dev.warden.persistence.cache;

import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.principal.ClientPrincipal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Verified API client secrets: kept until their app changes, and never kept across a change. */
class CaffeineVerifiedClientCacheTest {

    private final CaffeineVerifiedClientCache cache = new CaffeineVerifiedClientCache(100, Duration.ofMinutes(5));

    private static ClientPrincipal client(long appId) {
        return new ClientPrincipal(appId, 20, 30, "client-" + appId, "app-secret:" + appId, "api-client-secret");
    }

    private static Change change(ChangeKind kind, long subject) {
        return new Change(1, kind, subject, Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void aClientVerifiedBeforeAnyChangeIsKeptUntilItsAppChanges() {
        cache.put("digest-1", client(1), cache.generation());
        cache.put("digest-2", client(2), cache.generation());

        cache.changed(change(ChangeKind.CLIENT_CHANGED, 1));

        assertThat(cache.get("digest-1")).isEmpty();
        assertThat(cache.get("digest-2")).contains(client(2));
        cache.changed(change(ChangeKind.CLIENT_CHANGED, 0));
        assertThat(cache.get("digest-2")).isEmpty();
    }

    @Test
    void aClientVerifiedAcrossAChangeIsNotKept() {
        for (Change change : new Change[] {change(ChangeKind.CLIENT_CHANGED, 1), change(ChangeKind.CLIENT_CHANGED, 0),
                change(ChangeKind.ORG_CHANGED, 30), change(ChangeKind.CLIENT_CHANGED, 99)}) {
            long generation = cache.generation();
            // The verification read the app here; the change follower applied a change while it hashed.
            cache.changed(change);

            cache.put("digest-1", client(1), generation);

            assertThat(cache.get("digest-1")).as(change.toString()).isEmpty();
        }
    }

    @Test
    void changesThatAreNotAboutClientsDoNotDropAnything() {
        cache.put("digest-1", client(1), cache.generation());
        long generation = cache.generation();

        cache.changed(change(ChangeKind.USER_CHANGED, 1));
        cache.changed(change(ChangeKind.GRANTS_CHANGED, 1));

        assertThat(cache.get("digest-1")).contains(client(1));
        assertThat(cache.generation()).isEqualTo(generation);
    }
}
