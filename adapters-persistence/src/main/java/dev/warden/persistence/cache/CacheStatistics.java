package dev.warden.persistence.cache;

/**
 * A cache's counts for the operators' metrics: lookups answered from the cache, lookups that were
 * not, and the entries it holds now (an estimate).
 */
public record CacheStatistics(long hits, long misses, long size) {

    /** Hits among all lookups so far, 0 before the first. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
