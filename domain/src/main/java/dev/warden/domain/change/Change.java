package dev.warden.domain.change;

import java.time.Instant;
import java.util.Objects;

/** One entry of the change feed that keeps every node's caches true. */
public record Change(long id, ChangeKind kind, long subjectId, Instant at) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
