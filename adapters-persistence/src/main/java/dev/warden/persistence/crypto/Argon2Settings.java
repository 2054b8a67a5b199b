package dev.warden.persistence.crypto;

/**
 * Driven adapter: the cost of argon2id and how many hashes may run or wait at once.
 *
 * @param memoryKiB     memory per hash in KiB, at least {@value #MIN_MEMORY_KIB} (OWASP's minimum)
 * @param iterations    passes over the memory, at least {@value #MIN_ITERATIONS}
 * @param parallelism   lanes per hash, at least {@value #MIN_PARALLELISM}
 * @param threads       platform threads that run hashes; each running hash holds {@code memoryKiB}
 * @param queueCapacity hashes that may wait for a thread; beyond that calls are shed, not queued
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism, int threads, int queueCapacity) {

    public static final int MIN_MEMORY_KIB = 19_456;
    public static final int MIN_ITERATIONS = 2;
    public static final int MIN_PARALLELISM = 1;

    public Argon2Settings {
        // OWASP's minimum for argon2id is m=19 MiB, t=2, p=1: anything cheaper is refused rather
        // than silently accepted from a configuration typo.
        if (memoryKiB < MIN_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2 memory must be at least " + MIN_MEMORY_KIB + " KiB");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("argon2 iterations must be at least " + MIN_ITERATIONS);
        }
        if (parallelism < MIN_PARALLELISM) {
            throw new IllegalArgumentException("argon2 parallelism must be at least " + MIN_PARALLELISM);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("hashing threads must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("hashing queue capacity must not be negative");
        }
    }

    /**
     * OWASP's minimum cost, one thread per available processor and a queue twice that long: about
     * as many hashes run at once as there are cores, so hashing cannot starve the request threads.
     */
    public static Argon2Settings defaults() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new Argon2Settings(MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM, threads, 2 * threads);
    }
}
