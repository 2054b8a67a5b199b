package dev.warden.application.port.out;

import java.time.Instant;

/**
 * Driven port: notes that a token authenticated a request. Implementations coalesce in memory
 * and write in batches, so the request hot path never waits for a database write.
 */
public interface TokenUsageRecorder {
    void used(long tokenId, Instant at);
}
