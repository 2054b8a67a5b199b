package dev.warden.application.fakes;

import dev.warden.application.port.out.ChangeFeed;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Test double of {@link ChangeFeed}: the in-memory repositories append to it in the same step as
 * their change, as the real repositories do in the same transaction.
 */
public final class InMemoryChangeFeed implements ChangeFeed {

    private final Clock clock;
    private final List<Change> entries = new ArrayList<>();
    private long nextId = 1;

    public InMemoryChangeFeed(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends a change at the clock's current time. */
    public synchronized Change record(ChangeKind kind, long subjectId) {
        Change change = new Change(nextId++, kind, subjectId, clock.instant());
        entries.add(change);
        return change;
    }

    @Override
    public synchronized List<Change> since(Instant since) {
        return entries.stream().filter(c -> !c.at().isBefore(since)).toList();
    }

    @Override
    public synchronized int prune(Instant before) {
        int size = entries.size();
        entries.removeIf(c -> c.at().isBefore(before));
        return size - entries.size();
    }

    /** Every entry, oldest first. */
    public synchronized List<Change> all() {
        return List.copyOf(entries);
    }

    /** Kind and subject of every entry, oldest first: what tests usually compare. */
    public synchronized List<Entry> entries() {
        return entries.stream().map(c -> new Entry(c.kind(), c.subjectId())).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** A change without its id and time. */
    public record Entry(ChangeKind kind, long subjectId) {
    }
}
