package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.domain.principal.Principal;
import dev.warden.application.port.out.VerifiedCredentialCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Driven adapter: verified credentials in a bounded Caffeine cache. Each entry lives for the
 * configured maximum time-to-live or until its principal's {@code expiresAt}, whichever comes first.
 */
public final class CaffeineVerifiedCredentialCache implements VerifiedCredentialCache {

    private final Cache<String, Principal> cache;
    private final Clock clock;
    /** Bumped by every invalidation before it removes anything (see {@link #put(String, Principal, long)}). */
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param maximumSize most entries kept; beyond it the least valuable are evicted
     * @param maxTtl      longest an entry is trusted without a fresh verification, i.e. how late a
     *                    change that is not invalidated explicitly may take effect
     * @param clock       the wall clock that {@link Principal#expiresAt()} is compared with
     */
    public CaffeineVerifiedCredentialCache(long maximumSize, Duration maxTtl, Clock clock) {
        this(maximumSize, maxTtl, clock, Ticker.systemTicker());
    }

    /** With a ticker that tests move together with {@code clock}. */
    CaffeineVerifiedCredentialCache(long maximumSize, Duration maxTtl, Clock clock, Ticker ticker) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache size must be at least 1");
        }
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("cache time-to-live must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilExpiry(maxTtl.toNanos(), clock))
                .ticker(ticker)
                // Maintenance (eviction) on the calling thread: it is cheap, and no pool is needed.
                .executor(Runnable::run)
                // Hit and miss counts for the metrics: striped adders, no lock on the lookup path.
                .recordStats()
                .build();
    }

    @Override
    public Optional<Principal> get(String digest) {
        Principal principal = cache.getIfPresent(digest);
        if (principal == null) {
            return Optional.empty();
        }
        // The entry's lifetime runs on the monotonic ticker; should the wall clock have jumped ahead
        // of it, expiresAt still wins.
        if (!principal.expiresAt().isAfter(clock.instant())) {
            cache.invalidate(digest);
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    @Override
    public void put(String digest, Principal principal) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(principal, "principal");
        if (principal.expiresAt().isAfter(clock.instant())) {
            cache.put(digest, principal);
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    /**
     * Puts, then looks at the generation again: an invalidation bumps it before it scans, so either
     * its scan comes after the put and removes the entry, or this look sees the bump and removes it.
     */
    @Override
    public void put(String digest, Principal principal, long seenGeneration) {
        put(digest, principal);
        if (generation.get() != seenGeneration) {
            cache.asMap().remove(digest, principal);
        }
    }

    // Revocation and deactivation are rare next to lookups: a scan of a bounded cache is cheaper to
    // keep correct than secondary indexes that eviction would have to maintain.
    @Override
    public void invalidateCredential(String credentialId) {
        Objects.requireNonNull(credentialId, "credentialId");
        generation.incrementAndGet();
        cache.asMap().values().removeIf(principal -> principal.credentialId().equals(credentialId));
    }

    @Override
    public void invalidateUser(long userId) {
        generation.incrementAndGet();
        cache.asMap().values().removeIf(principal -> principal.userId() == userId);
    }

    @Override
    public void invalidateOrg(long orgId) {
        generation.incrementAndGet();
        cache.asMap().values().removeIf(principal -> principal.orgId() == orgId);
    }

    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** Lookups that found a verified credential, lookups that did not, and the entries held now. */
    public CacheStatistics statistics() {
        var stats = cache.stats();
        return new CacheStatistics(stats.hitCount(), stats.missCount(), cache.estimatedSize());
    }

    /** Approximate number of entries, for metrics. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Runs pending evictions now, so that tests can observe the size bound. */
    void cleanUp() {
        cache.cleanUp();
    }

    private record UntilExpiry(long maxTtlNanos, Clock clock) implements Expiry<String, Principal> {

        @Override
        public long expireAfterCreate(String digest, Principal principal, long currentTime) {
            return lifetime(principal);
        }

        @Override
        public long expireAfterUpdate(String digest, Principal principal, long currentTime, long currentDuration) {
            return lifetime(principal);
        }

        @Override
        public long expireAfterRead(String digest, Principal principal, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long lifetime(Principal principal) {
            Duration left = Duration.between(clock.instant(), principal.expiresAt());
            if (left.isNegative() || left.isZero()) {
                return 0;
            }
            // Duration.toNanos overflows beyond ~292 years, and PATs may expire in 9999.
            return left.compareTo(Duration.ofNanos(maxTtlNanos)) >= 0 ? maxTtlNanos : left.toNanos();
        }
    }
}
