package dev.warden.application.port.out;

import java.time.Instant;

/**
 * Driven port: remembers used assertions so that each is accepted once, on every node, until
 * its window ends.
 */
public interface AssertionReplayGuard {

    /**
     * Records the assertion's replay key ({@code jti}, or a digest of the whole assertion when it
     * has none) for that issuer until {@code until}; false when it was already used.
     */
    boolean firstUse(String issuer, String replayKey, Instant until);
}
