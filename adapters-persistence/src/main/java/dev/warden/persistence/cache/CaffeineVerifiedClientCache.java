package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.VerifiedClientCache;
import dev.warden.domain.change.Change;
import dev.warden.domain.principal.ClientPrincipal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Driven adapter: verified API client secrets in a bounded Caffeine cache. An app's entries go
 * when the app changes ({@code CLIENT_CHANGED} with its id: secret regenerated, app deactivated or
 * removed); all go on {@code CLIENT_CHANGED} 0 (a project's state) and on {@code ORG_CHANGED}
 * (rare, and an org's apps are not indexed here). An entry verified against an app that changed
 * while it was being verified is not kept ({@link #put(String, ClientPrincipal, long)}).
 */
public final class CaffeineVerifiedClientCache implements VerifiedClientCache, ChangeListener {

    private final Cache<String, ClientPrincipal> cache;
    /** Bumped by every invalidation before it removes anything. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param maximumSize most entries kept
     * @param ttl         longest a verified secret is trusted without a fresh argon2 check
     */
    public CaffeineVerifiedClientCache(long maximumSize, Duration ttl) {
        this(maximumSize, ttl, Ticker.systemTicker());
    }

    CaffeineVerifiedClientCache(long maximumSize, Duration ttl, Ticker ticker) {
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public Optional<ClientPrincipal> get(String digest) {
        return Optional.ofNullable(cache.getIfPresent(digest));
    }

    @Override
    public void put(String digest, ClientPrincipal client) {
        cache.put(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(client, "client"));
    }

    @Override
    public long generation() {
        return generation.get();
    }

    /** Puts, then looks again: an invalidation since {@code seenGeneration} removes the entry either way. */
    @Override
    public void put(String digest, ClientPrincipal client, long seenGeneration) {
        put(digest, client);
        if (generation.get() != seenGeneration) {
            cache.asMap().remove(digest, client);
        }
    }

    @Override
    public void invalidateApp(long appId) {
        generation.incrementAndGet();
        cache.asMap().values().removeIf(client -> client.appId() == appId);
    }

    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    @Override
    public void changed(Change change) {
        switch (change.kind()) {
            case CLIENT_CHANGED -> {
                if (change.subjectId() == 0) {
                    invalidateAll();
                } else {
                    invalidateApp(change.subjectId());
                }
            }
            case ORG_CHANGED -> invalidateAll();
            default -> {
                // Not about API clients.
            }
        }
    }
}
