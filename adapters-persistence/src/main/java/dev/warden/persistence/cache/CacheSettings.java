package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Objects;

/** The Caffeine set-up shared by the repository caches: bounded, expiring after write, never refreshing. */
final class CacheSettings {

    private CacheSettings() {
    }

    static <K, V> Cache<K, V> build(long maximumSize, Duration ttl, Ticker ticker) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache size must be at least 1");
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache time-to-live must be positive");
        }
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Expire, never refresh: a refresh could reload a value an invalidation has just dropped.
                .expireAfterWrite(ttl)
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                // Maintenance (eviction) on the calling thread: it is cheap, and no pool is needed.
                .executor(Runnable::run)
                .build();
    }
}
