package dev.warden.application.port.out;

import dev.warden.domain.change.Change;

import java.time.Instant;
import java.util.List;

/**
 * Driven port: the change feed that repositories write in the transactions of their changes,
 * read by every node to invalidate its caches.
 */
public interface ChangeFeed {

    /** Changes recorded at or after {@code since}, oldest first. */
    List<Change> since(Instant since);

    /** Deletes entries older than {@code before}; returns how many. */
    int prune(Instant before);
}
