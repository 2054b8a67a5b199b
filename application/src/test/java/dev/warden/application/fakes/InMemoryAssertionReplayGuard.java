package dev.warden.application.fakes;

import dev.warden.application.port.out.AssertionReplayGuard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Test double of {@link AssertionReplayGuard}: remembers (issuer, key) until its window ends. */
public final class InMemoryAssertionReplayGuard implements AssertionReplayGuard {

    private final Clock clock;
    private final Map<String, Instant> used = new HashMap<>();

    public InMemoryAssertionReplayGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean firstUse(String issuer, String replayKey, Instant until) {
        Instant now = clock.instant();
        used.values().removeIf(end -> !end.isAfter(now));
        return used.putIfAbsent(issuer.length() + ":" + issuer + replayKey, until) == null;
    }

    public synchronized int size() {
        return used.size();
    }
}
