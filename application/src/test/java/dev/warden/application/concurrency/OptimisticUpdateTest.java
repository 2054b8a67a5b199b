package dev.warden.application.concurrency;

import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.ConflictException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.out.UpdateResult;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimisticUpdateTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anAttemptWithoutConflictRunsOnce() {
        assertThat(OptimisticUpdate.retryOnce(() -> attempts.incrementAndGet())).isEqualTo(1);
    }

    @Test
    void oneConflictIsRetriedOnce() {
        String result = OptimisticUpdate.retryOnce(() -> {
            if (attempts.incrementAndGet() == 1) {
                OptimisticUpdate.stored(UpdateResult.CONFLICT, () -> new NotFoundException("X-gone", "gone"));
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSecondConflictIsAbortedWithZitadelsIdAndText() {
        assertThatThrownBy(() -> OptimisticUpdate.retryOnce(() -> {
            attempts.incrementAndGet();
            throw OptimisticUpdate.conflict();
        })).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.errorId()).isEqualTo("COMMAND-concurrent");
            assertThat(e.text()).isEqualTo("Errors.Concurrency");
        });
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> OptimisticUpdate.retryOnce(() -> {
            attempts.incrementAndGet();
            throw new PreconditionFailedException("X-1", "no");
        })).isInstanceOf(PreconditionFailedException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void storedTurnsEveryOtherOutcomeIntoItsAnswer() {
        NotFoundException gone = new NotFoundException("X-gone", "gone");
        AlreadyExistsException taken = new AlreadyExistsException("X-taken", "taken");

        assertThatCode(() -> OptimisticUpdate.stored(UpdateResult.UPDATED, () -> gone, () -> taken))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OptimisticUpdate.stored(UpdateResult.CONFLICT, () -> gone, () -> taken))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> OptimisticUpdate.stored(UpdateResult.NOT_FOUND, () -> gone, () -> taken))
                .isSameAs(gone);
        assertThatThrownBy(() -> OptimisticUpdate.stored(UpdateResult.DUPLICATE_NAME, () -> gone, () -> taken))
                .isSameAs(taken);
        assertThatThrownBy(() -> OptimisticUpdate.stored(UpdateResult.DUPLICATE_NAME, () -> gone))
                .isInstanceOf(IllegalStateException.class);
    }
}
