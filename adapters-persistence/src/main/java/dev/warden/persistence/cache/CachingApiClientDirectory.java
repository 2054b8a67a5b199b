package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.domain.change.Change;
import dev.warden.domain.token.SecretHash;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: an {@link ApiClientDirectory} that keeps answers by client id (unknown ids
 * included) in a bounded Caffeine cache, for introspection's hot path.
 *
 * <p>It forgets through the change follower: {@code CLIENT_CHANGED} for an app drops that app's
 * entry and every "unknown" answer (the app may just have been created); {@code CLIENT_CHANGED} 0
 * (a project's apps) and {@code ORG_CHANGED} (an organization's state decides {@code active})
 * drop everything. The time-to-live is only a safety net.
 */
public final class CachingApiClientDirectory implements ApiClientDirectory, ChangeListener {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final ApiClientDirectory delegate;
    private final Cache<String, Optional<ApiClient>> cache;

    public CachingApiClientDirectory(ApiClientDirectory delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL);
    }

    public CachingApiClientDirectory(ApiClientDirectory delegate, long maximumSize, Duration ttl) {
        this(delegate, maximumSize, ttl, Ticker.systemTicker());
    }

    CachingApiClientDirectory(ApiClientDirectory delegate, long maximumSize, Duration ttl, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public Optional<ApiClient> findByClientId(String clientId) {
        return cache.get(clientId, delegate::findByClientId);
    }

    /**
     * Stores through the delegate and, when it stored, forgets the app here: the cached answer holds
     * the old hash, and a later miss of the verified-client cache should find the fresh one rather
     * than verify the old one and try the rehash again. Other nodes are not told (a rehash writes no
     * change): their cached old hash still verifies the same secret, and their own attempt to rehash
     * it finds the hash changed and stores nothing, until their entry expires.
     */
    @Override
    public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
        boolean updated = delegate.updateSecretHash(appId, expected, replacement);
        if (updated) {
            cache.asMap().entrySet().removeIf(e -> e.getValue().isPresent() && e.getValue().get().appId() == appId);
        }
        return updated;
    }

    @Override
    public void changed(Change change) {
        switch (change.kind()) {
            case CLIENT_CHANGED -> {
                if (change.subjectId() == 0) {
                    cache.invalidateAll();
                } else {
                    long appId = change.subjectId();
                    cache.asMap().entrySet().removeIf(e -> e.getValue().isEmpty()
                            || e.getValue().get().appId() == appId);
                }
            }
            case ORG_CHANGED -> cache.invalidateAll();
            default -> {
                // Users, tokens, memberships, grants and signing keys do not change a client.
            }
        }
    }

    /** Approximate number of cached answers, for metrics and tests. */
    public long estimatedSize() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
