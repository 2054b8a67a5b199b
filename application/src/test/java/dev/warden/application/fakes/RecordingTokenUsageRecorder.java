package dev.warden.application.fakes;

import dev.warden.application.port.out.TokenUsageRecorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test double of {@link TokenUsageRecorder}: remembers every use, in order, without coalescing. */
public final class RecordingTokenUsageRecorder implements TokenUsageRecorder {

    /** One reported use. */
    public record Use(long tokenId, Instant at) {
    }

    private final List<Use> uses = new ArrayList<>();

    @Override
    public synchronized void used(long tokenId, Instant at) {
        uses.add(new Use(tokenId, at));
    }

    public synchronized List<Use> uses() {
        return List.copyOf(uses);
    }

    public synchronized void clear() {
        uses.clear();
    }
}
