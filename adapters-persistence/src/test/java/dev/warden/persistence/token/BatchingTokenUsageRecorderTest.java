package dev.warden.persistence.token;

import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recorder against a repository double. Deterministic: flushes are called directly and the
 * periodic flush is an hour away, except where a test waits for the periodic flush itself.
 */
class BatchingTokenUsageRecorderTest {

    private static final Duration NEVER_DURING_A_TEST = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    private final RecordingRepository repository = new RecordingRepository();

    @Test
    void manyUsesCoalesceIntoTheLatestTimePerToken() {
        try (BatchingTokenUsageRecorder recorder = recorder()) {
            recorder.used(1, T0.plusSeconds(1));
            recorder.used(1, T0.plusSeconds(3));
            recorder.used(1, T0.plusSeconds(2));
            recorder.used(2, T0);
            recorder.used(2, T0.minusSeconds(5));

            assertThat(recorder.pendingCount()).isEqualTo(2);
            assertThat(recorder.flush()).isTrue();
        }

        assertThat(repository.batches.get(0)).isEqualTo(Map.of(1L, T0.plusSeconds(3), 2L, T0));
    }

    @Test
    void flushWritesEverythingInOneBatchAndEmptiesTheBuffer() {
        try (BatchingTokenUsageRecorder recorder = recorder()) {
            for (long token = 1; token <= 1_000; token++) {
                recorder.used(token, T0.plusMillis(token));
            }

            assertThat(recorder.flush()).isTrue();

            assertThat(repository.batches).hasSize(1);
            assertThat(repository.batches.get(0)).hasSize(1_000).containsEntry(1_000L, T0.plusMillis(1_000));
            assertThat(recorder.pendingCount()).isZero();
        }
    }

    @Test
    void flushWithNothingPendingDoesNotCallTheRepository() {
        try (BatchingTokenUsageRecorder recorder = recorder()) {
            assertThat(recorder.flush()).isTrue();
        }

        assertThat(repository.batches).isEmpty();
    }

    @Test
    void failedFlushKeepsEveryValueForTheNextFlush() {
        try (BatchingTokenUsageRecorder recorder = recorder()) {
            recorder.used(1, T0);
            recorder.used(2, T0);
            repository.failing = true;

            assertThat(recorder.flush()).isFalse();
            assertThat(recorder.flush()).isFalse();
            recorder.used(1, T0.plusSeconds(9));
            assertThat(recorder.pendingCount()).isEqualTo(2);

            repository.failing = false;
            assertThat(recorder.flush()).isTrue();
        }

        assertThat(repository.batches).containsExactly(Map.of(1L, T0.plusSeconds(9), 2L, T0));
    }

    @Test
    void aUseThatArrivesDuringAFlushIsKeptForTheNextFlush() {
        try (BatchingTokenUsageRecorder recorder = recorder()) {
            recorder.used(1, T0);
            recorder.used(2, T0);
            repository.whileWriting = batch -> recorder.used(1, T0.plusSeconds(1));

            assertThat(recorder.flush()).isTrue();
            assertThat(recorder.pendingCount()).isEqualTo(1);

            repository.whileWriting = batch -> {
            };
            assertThat(recorder.flush()).isTrue();
        }

        assertThat(repository.batches).containsExactly(Map.of(1L, T0, 2L, T0), Map.of(1L, T0.plusSeconds(1)));
    }

    @Test
    void closeFlushesOnceMore() {
        BatchingTokenUsageRecorder recorder = recorder();
        recorder.used(7, T0);

        recorder.close();

        assertThat(repository.batches).containsExactly(Map.of(7L, T0));
    }

    @Test
    void usesAfterCloseAreIgnoredAndCloseIsIdempotent() {
        BatchingTokenUsageRecorder recorder = recorder();
        recorder.close();

        recorder.used(7, T0);
        recorder.close();

        assertThat(recorder.pendingCount()).isZero();
        assertThat(repository.batches).isEmpty();
    }

    @Test
    void closeWhileTheDatabaseIsAwayDoesNotThrow() {
        BatchingTokenUsageRecorder recorder = recorder();
        recorder.used(7, T0);
        repository.failing = true;

        recorder.close();

        assertThat(recorder.pendingCount()).isEqualTo(1);
    }

    @Test
    void aFullBufferDropsUsesOfNewTokensButKeepsUpdatingTheOthers() throws Exception {
        // The flush that a full buffer starts fails, so that the buffer stays as it was.
        repository.failing = true;
        try (BatchingTokenUsageRecorder recorder = new BatchingTokenUsageRecorder(repository, NEVER_DURING_A_TEST,
                3)) {
            recorder.used(1, T0);
            recorder.used(2, T0);
            recorder.used(3, T0);
            recorder.used(4, T0);
            recorder.used(1, T0.plusSeconds(1));

            assertThat(repository.failedAttempts.await(30, TimeUnit.SECONDS)).as("a flush was started").isTrue();
            assertThat(recorder.pendingCount()).isEqualTo(3);
            repository.failing = false;
            assertThat(recorder.flush()).isTrue();
        }

        assertThat(repository.batches).containsExactly(Map.of(1L, T0.plusSeconds(1), 2L, T0, 3L, T0));
    }

    @Test
    void thePeriodicFlushRunsOnADaemonPlatformThread() throws Exception {
        List<Thread> writers = new CopyOnWriteArrayList<>();
        CountDownLatch written = new CountDownLatch(1);
        repository.whileWriting = batch -> {
            writers.add(Thread.currentThread());
            written.countDown();
        };
        try (BatchingTokenUsageRecorder recorder = new BatchingTokenUsageRecorder(repository,
                Duration.ofMillis(10))) {
            recorder.used(1, T0);

            assertThat(written.await(30, TimeUnit.SECONDS)).as("periodic flush").isTrue();
        }

        assertThat(writers.get(0).isDaemon()).isTrue();
        assertThat(writers.get(0).isVirtual()).isFalse();
        assertThat(writers.get(0).getName()).isEqualTo("warden-token-usage");
        assertThat(repository.batches.get(0)).isEqualTo(Map.of(1L, T0));
    }

    @Test
    void intervalAndBoundMustBePositive() {
        assertThatThrownBy(() -> new BatchingTokenUsageRecorder(repository, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchingTokenUsageRecorder(repository, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultIntervalIsFiveSeconds() {
        assertThat(BatchingTokenUsageRecorder.DEFAULT_FLUSH_INTERVAL).isEqualTo(Duration.ofSeconds(5));
    }

    private BatchingTokenUsageRecorder recorder() {
        return new BatchingTokenUsageRecorder(repository, NEVER_DURING_A_TEST);
    }

    /** Records each batch; fails like an unreachable database while {@link #failing}. */
    private static final class RecordingRepository implements PersonalAccessTokenRepository {
        final List<Map<Long, Instant>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch failedAttempts = new CountDownLatch(1);
        volatile boolean failing;
        volatile Consumer<Map<Long, Instant>> whileWriting = batch -> {
        };

        @Override
        public void recordLastUsed(Map<Long, Instant> lastUsedByTokenId) {
            if (failing) {
                failedAttempts.countDown();
                throw new UnavailableException("DB-unavail", "Database unavailable");
            }
            whileWriting.accept(lastUsedByTokenId);
            batches.add(Map.copyOf(lastUsedByTokenId));
        }

        @Override
        public Optional<PersonalAccessToken> findById(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(PersonalAccessToken token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(long tokenId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<PersonalAccessToken> findByUser(long userId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateSecretHash(long tokenId, dev.warden.domain.token.SecretHash expected,
                                        dev.warden.domain.token.SecretHash replacement) {
            throw new UnsupportedOperationException();
        }
    }
}
