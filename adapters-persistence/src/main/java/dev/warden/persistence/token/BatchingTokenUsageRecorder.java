package dev.warden.persistence.token;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.TokenUsageRecorder;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Driven adapter: notes token use in memory and writes it in batches, so that the request hot path
 * never waits for the database.
 *
 * <p>{@link #used} only keeps the latest time per token in a map. One daemon platform thread
 * flushes the map every {@code flushInterval} through
 * {@link PersonalAccessTokenRepository#recordLastUsed}, in one batch. A flush that fails (the
 * database is down) keeps every value for the next one; a WARNING is logged once per outage, and
 * an INFO once it is over. Entries written are removed only if no newer use arrived meanwhile.
 *
 * <p>The map is bounded by {@code maxPending} tokens (approximately: concurrent callers may each
 * add one beyond it). At the bound a flush is started at once, and until there is room again the
 * use of a token not yet in the map is dropped, with one WARNING per such episode: last use is
 * informational, and memory must not grow while the database is away. Tokens already in the map
 * keep being updated.
 *
 * <p>Only token ids and times pass through here, never a secret.
 */
public final class BatchingTokenUsageRecorder implements TokenUsageRecorder, AutoCloseable {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_PENDING = 100_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOGGER = System.getLogger(BatchingTokenUsageRecorder.class.getName());

    private final PersonalAccessTokenRepository tokens;
    private final int maxPending;
    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    // A lock rather than synchronized: flush() blocks on the database, and a virtual thread calling
    // it must not pin its carrier.
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicBoolean earlyFlushRequested = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Flushing every {@link #DEFAULT_FLUSH_INTERVAL}, holding at most {@link #DEFAULT_MAX_PENDING} tokens. */
    public BatchingTokenUsageRecorder(PersonalAccessTokenRepository tokens) {
        this(tokens, DEFAULT_FLUSH_INTERVAL);
    }

    /** Holding at most {@link #DEFAULT_MAX_PENDING} tokens. */
    public BatchingTokenUsageRecorder(PersonalAccessTokenRepository tokens, Duration flushInterval) {
        this(tokens, flushInterval, DEFAULT_MAX_PENDING);
    }

    /**
     * @param tokens        where the batches go
     * @param flushInterval time between the end of one flush and the start of the next
     * @param maxPending    most tokens held between flushes
     */
    public BatchingTokenUsageRecorder(PersonalAccessTokenRepository tokens, Duration flushInterval, int maxPending) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("at least one pending token must fit");
        }
        this.maxPending = maxPending;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon(true).name("warden-token-usage").factory());
        long millis = Math.max(1, flushInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::scheduledFlush, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Notes the use; never blocks on the database. Ignored once closed. */
    @Override
    public void used(long tokenId, Instant at) {
        Objects.requireNonNull(at, "at");
        if (closed.get()) {
            return;
        }
        if (pending.size() >= maxPending && !pending.containsKey(tokenId)) {
            dropped.incrementAndGet();
            if (overflowing.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, () -> "Token use buffer is full (" + maxPending
                        + " tokens); uses of further tokens are not recorded until it is flushed");
            }
            requestEarlyFlush();
            return;
        }
        pending.merge(tokenId, at, BatchingTokenUsageRecorder::later);
        if (pending.size() >= maxPending) {
            requestEarlyFlush();
        }
    }

    /**
     * Writes everything pending now, in one batch. Never throws: returns false, keeping every
     * value for the next flush, when the repository fails.
     *
     * @return true when nothing is left unwritten of what was pending when the flush started
     */
    public boolean flush() {
        flushing.lock();
        try {
            if (pending.isEmpty()) {
                return true;
            }
            Map<Long, Instant> batch = Map.copyOf(pending);
            try {
                tokens.recordLastUsed(batch);
            } catch (RuntimeException e) {
                if (failing.compareAndSet(false, true)) {
                    // Token ids and times at most, never a secret: safe to log with its causes.
                    LOGGER.log(Level.WARNING, "Recording token use failed, keeping " + batch.size()
                            + " token(s) for the next flush, retrying every flush until it works", e);
                }
                return false;
            }
            // Only what was written: a newer use that arrived during the write stays for the next flush.
            batch.forEach(pending::remove);
            if (failing.compareAndSet(true, false)) {
                LOGGER.log(Level.INFO, "Recording token use works again");
            }
            if (overflowing.compareAndSet(true, false)) {
                long lost = dropped.getAndSet(0);
                LOGGER.log(Level.INFO, () -> "Token use buffer has room again; " + lost + " use(s) were not recorded");
            }
            return true;
        } finally {
            flushing.unlock();
        }
    }

    /** Tokens whose use is not yet written, for metrics and tests. */
    public int pendingCount() {
        return pending.size();
    }

    /** Stops the flushing thread, after a flush in progress, and flushes once more. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (!flush()) {
            LOGGER.log(Level.WARNING, () -> "Closing without recording the last use of " + pending.size()
                    + " token(s)");
        }
    }

    private void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            // An exception would end the periodic task for good.
            LOGGER.log(Level.WARNING, "Token use flush failed unexpectedly", e);
        }
    }

    private void requestEarlyFlush() {
        // While the database is away the periodic flush retries; early ones would only hammer it.
        if (failing.get() || !earlyFlushRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                earlyFlushRequested.set(false);
                scheduledFlush();
            });
        } catch (RejectedExecutionException closing) {
            earlyFlushRequested.set(false);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
