package dev.warden.http.observe;

import java.util.function.Supplier;

/**
 * Every meter Warden creates is created under one JVM-wide lock. Helidon's Micrometer provider
 * takes a registry's lock and then Micrometer's, and, when a meter is added, Micrometer's and then
 * every other registry's: two registries creating meters at once (two nodes in one JVM, as in the
 * multi-node tests) deadlocked. Creation happens once per series, so the lock costs nothing on
 * the hot path, where meters are found in Warden's own maps first.
 */
public final class MeterCreation {

    private static final Object LOCK = new Object();

    private MeterCreation() {
    }

    /** Runs {@code create} (a {@code getOrCreate} on a registry) while no other meter is created. */
    public static <T> T serialized(Supplier<T> create) {
        synchronized (LOCK) {
            return create.get();
        }
    }
}
