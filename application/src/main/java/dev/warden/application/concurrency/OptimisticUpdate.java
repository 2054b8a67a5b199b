package dev.warden.application.concurrency;

import dev.warden.application.error.ConflictException;
import dev.warden.application.error.WardenException;
import dev.warden.application.port.out.UpdateResult;

import java.util.function.Supplier;

/**
 * How a use case that read a record, changed it and stores it with a conditional update
 * ({@link UpdateResult}) meets a concurrent change: the whole attempt (authorization, read,
 * preconditions, change, store) runs once more on the fresh state, since the request is usually
 * still valid there (deactivating an organization that was renamed meanwhile, say). A second
 * conflict fails with ZITADEL's ABORTED, {@link #conflict()}; the client may retry.
 */
public final class OptimisticUpdate {

    /** ZITADEL's id and text for a write that lost to a concurrent one. */
    public static final String CONFLICT_ID = "COMMAND-concurrent";
    public static final String CONFLICT_TEXT = "Errors.Concurrency";

    private OptimisticUpdate() {
    }

    /**
     * Runs {@code attempt}; if it fails with a conflict (from {@link #stored}), runs it once more.
     * A second conflict propagates. An attempt must therefore read everything it decides on afresh.
     */
    public static <T> T retryOnce(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (ConflictException lostTheRace) {
            return attempt.get();
        }
    }

    /**
     * Returns when the update was stored, and otherwise throws: {@link #conflict()} (which
     * {@link #retryOnce} re-tries), or the use case's answer for a record that is gone or a name
     * that is taken.
     */
    public static void stored(UpdateResult result, Supplier<? extends WardenException> notFound,
                              Supplier<? extends WardenException> nameTaken) {
        switch (result) {
            case UPDATED -> {
            }
            case CONFLICT -> throw conflict();
            case NOT_FOUND -> throw notFound.get();
            case DUPLICATE_NAME -> throw nameTaken.get();
        }
    }

    /** As {@link #stored(UpdateResult, Supplier, Supplier)}, for a record without a unique name. */
    public static void stored(UpdateResult result, Supplier<? extends WardenException> notFound) {
        stored(result, notFound, () -> {
            throw new IllegalStateException("a record without a unique name reported a taken name");
        });
    }

    /** ABORTED: the resource changed concurrently, also after one re-try. */
    public static ConflictException conflict() {
        return new ConflictException(CONFLICT_ID, CONFLICT_TEXT);
    }
}
