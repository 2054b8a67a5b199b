package dev.warden.persistence.crypto;

import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.RsaKeyGenerator;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Driven adapter: 2048-bit RSA key pairs from the JDK's {@link KeyPairGenerator}, made on a small
 * pool of platform threads.
 *
 * <p>A pair costs 50–200 ms of CPU (the search for two primes). A virtual thread is not preempted,
 * so generating on the request thread would hold one of the few carrier threads (as many as
 * cores) for that long and stall every other request queued behind it. The request thread waits
 * on a pool thread instead; when every thread is busy and the queue is full, the call is refused
 * with {@link UnavailableException} at once rather than queued without limit.
 */
public final class JdkRsaKeyGenerator implements RsaKeyGenerator, AutoCloseable {

    static final String BUSY_ID = "KEY-busy";
    static final String BUSY_TEXT = "Too many concurrent key generations, retry later";

    private final Supplier<KeyPair> generation;
    private final ThreadPoolExecutor pool;
    /** One permit per generation that may run or wait: threads plus queue capacity. */
    private final Semaphore admissions;

    /**
     * @param threads       platform threads that generate pairs, at least 1
     * @param queueCapacity generations that may wait for a thread; beyond that calls are refused
     */
    public JdkRsaKeyGenerator(int threads, int queueCapacity) {
        this(JdkRsaKeyGenerator::newPair, threads, queueCapacity);
    }

    /** Half the processors (at least one) generate, and as many again may wait. */
    public static JdkRsaKeyGenerator withDefaults() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new JdkRsaKeyGenerator(threads, threads);
    }

    /** With any generation, so tests can hold one in progress. */
    JdkRsaKeyGenerator(Supplier<KeyPair> generation, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("key generation threads must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("key generation queue capacity must not be negative");
        }
        this.generation = Objects.requireNonNull(generation, "generation");
        this.admissions = new Semaphore(threads + queueCapacity);
        // The queue itself is unbounded; admissions bound it (see Argon2SecretHasher for why).
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                platformThreads());
    }

    @Override
    public KeyPair generate() {
        if (!admissions.tryAcquire()) {
            throw busy();
        }
        // The admission is given back by the task itself, which always runs once admitted (it is
        // never cancelled but by close), before its caller sees the result.
        FutureTask<KeyPair> task = new FutureTask<>(() -> {
            try {
                return generation.get();
            } finally {
                admissions.release();
            }
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closed) {
            admissions.release();
            throw busy();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            // The generation finishes on its own and its pair is dropped: nothing keeps it.
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
            throw new IllegalStateException("key generation failed", cause);
        }
    }

    /** Generations waiting for a thread, for metrics. */
    public int queueDepth() {
        return pool.getQueue().size();
    }

    /** Stops the threads: running generations finish, waiting ones are cancelled and their callers refused. */
    @Override
    public void close() {
        for (Runnable waiting : pool.shutdownNow()) {
            ((FutureTask<?>) waiting).cancel(false);
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    private static UnavailableException busy() {
        return new UnavailableException(BUSY_ID, BUSY_TEXT);
    }

    private static ThreadFactory platformThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> Thread.ofPlatform()
                .name("warden-rsa-keygen-" + count.incrementAndGet())
                .daemon(true)
                .unstarted(runnable);
    }
}
