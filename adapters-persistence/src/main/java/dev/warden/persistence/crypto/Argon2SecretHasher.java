package dev.warden.persistence.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Driven adapter: argon2id secret hashing in PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), run on a small pool of platform threads.
 *
 * <p>argon2 is a native call through JNA, and a native call pins the carrier thread of a virtual
 * thread for its whole duration (~25 ms at OWASP's minimum cost). Helidon serves every request on a
 * virtual thread with only as many carriers as cores, so hashing on the request thread would stall
 * the whole server. The request thread instead waits on a dedicated platform thread. Each running
 * hash also holds {@code memoryKiB} of native memory, so hashes are bounded: when every thread is
 * busy and the queue is full, the call is refused with {@link UnavailableException} at once.
 */
public final class Argon2SecretHasher implements SecretHasher, AutoCloseable {

    static final String BUSY_ID = SecretHasher.BUSY_ERROR_ID;
    static final String BUSY_TEXT = "Too many concurrent credential checks, retry later";

    static final String ALGORITHM_PREFIX = "$argon2id$";

    private final Argon2 argon2;
    private final Argon2Settings settings;
    /** What every hash made with the configured settings starts with (argon2's own encoding, version 0x13). */
    private final String prefix;
    private final ThreadPoolExecutor pool;
    /** One permit per hash that may run or wait: threads plus queue capacity. */
    private final Semaphore admissions;
    /** Hashes refused because every thread was busy and the queue full, for metrics. */
    private final java.util.concurrent.atomic.LongAdder shed = new java.util.concurrent.atomic.LongAdder();

    public Argon2SecretHasher(Argon2Settings settings) {
        this(Argon2Factory.create(Argon2Types.ARGON2id), settings);
    }

    /** Shorthand for {@code new Argon2SecretHasher(new Argon2Settings(...))}; refuses what the settings refuse. */
    public Argon2SecretHasher(int memoryKiB, int iterations, int parallelism, int threads, int queueCapacity) {
        this(new Argon2Settings(memoryKiB, iterations, parallelism, threads, queueCapacity));
    }

    /** With any {@link Argon2} implementation, so tests can hold a hash in progress. */
    Argon2SecretHasher(Argon2 argon2, Argon2Settings settings) {
        this.argon2 = Objects.requireNonNull(argon2, "argon2");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prefix = ALGORITHM_PREFIX + "v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations()
                + ",p=" + settings.parallelism() + "$";
        this.admissions = new Semaphore(settings.threads() + settings.queueCapacity());
        // The queue itself is unbounded; admissions bound it. A bounded or synchronous queue would
        // also refuse a task in the instant between a worker finishing one task and taking the next.
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), platformThreads());
    }

    @Override
    public SecretHash hash(byte[] secret) {
        byte[] copy = secret.clone();
        String phc = run(() -> argon2.hash(settings.iterations(), settings.memoryKiB(), settings.parallelism(), copy),
                copy);
        return new SecretHash(phc);
    }

    @Override
    public boolean verify(SecretHash hash, byte[] secret) {
        Objects.requireNonNull(hash, "hash");
        byte[] copy = secret.clone();
        // argon2's own verify: recomputes with the stored salt and parameters and compares in constant
        // time. A string it cannot decode is a mismatch (an error code), not an exception.
        return run(() -> argon2.verify(hash.phc(), copy), copy);
    }

    /**
     * True unless {@code hash} is an argon2id hash of this version with exactly the configured
     * memory, iterations and parallelism: a stronger or weaker stored cost is brought to the
     * configured one, so that raising the cost reaches every secret as it is next used.
     */
    @Override
    public boolean needsRehash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return !hash.phc().startsWith(prefix);
    }

    /** Whether {@code hash} is an argon2id hash (of any parameters), the format this hasher verifies. */
    static boolean isArgon2id(SecretHash hash) {
        return hash.phc().startsWith(ALGORITHM_PREFIX);
    }

    /** Hashes waiting for a thread, for metrics. */
    public int queueDepth() {
        return pool.getQueue().size();
    }

    /** Hashes refused so far because the pool and its queue were full (load shed), for metrics. */
    public long shedCount() {
        return shed.sum();
    }

    /** Hashes running now, for metrics. */
    public int activeCount() {
        return pool.getActiveCount();
    }

    public Argon2Settings settings() {
        return settings;
    }

    /** Stops the threads: running hashes finish, waiting ones are cancelled and their callers refused. */
    @Override
    public void close() {
        for (Runnable waiting : pool.shutdownNow()) {
            ((Future<?>) waiting).cancel(false);
        }
    }

    // Work on a copy of the secret, wiped once the work is done or refused: the caller's array stays
    // the caller's to wipe, and an interrupted caller cannot pull it from under a running hash.
    private <T> T run(Callable<T> work, byte[] secretCopy) {
        if (!admissions.tryAcquire()) {
            shed.increment();
            argon2.wipeArray(secretCopy);
            throw busy();
        }
        HashTask<T> task = new HashTask<>(work, secretCopy);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closed) {
            task.finish();
            throw busy();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            // A waiting task is dropped; a running one cannot be stopped inside native code and finishes.
            task.cancel(false);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (CancellationException closed) {
            throw busy();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("secret hashing failed", cause);
        }
    }

    /** One admitted hash: gives back its admission and wipes its secret exactly once. */
    private final class HashTask<T> extends FutureTask<T> {
        private final byte[] secretCopy;
        private final AtomicBoolean finished = new AtomicBoolean();

        HashTask(Callable<T> work, byte[] secretCopy) {
            super(work);
            this.secretCopy = secretCopy;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                // Reached too by a task cancelled while it waited: the worker still takes it off the queue.
                finish();
            }
        }

        // Free the admission before the caller sees the result, so that a caller who hashes again at
        // once is not refused for its own finished hash.
        @Override
        protected void set(T result) {
            finish();
            super.set(result);
        }

        @Override
        protected void setException(Throwable failure) {
            finish();
            super.setException(failure);
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                argon2.wipeArray(secretCopy);
                admissions.release();
            }
        }
    }

    private static UnavailableException busy() {
        return new UnavailableException(BUSY_ID, BUSY_TEXT);
    }

    private static ThreadFactory platformThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> Thread.ofPlatform()
                .name("warden-argon2-" + count.incrementAndGet())
                .daemon(true)
                .unstarted(runnable);
    }
}
