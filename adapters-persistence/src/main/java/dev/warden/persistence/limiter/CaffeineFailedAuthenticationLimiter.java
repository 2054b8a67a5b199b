package dev.warden.persistence.limiter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.warden.application.port.out.FailedAuthenticationLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Driven adapter: the failed-authentication limiter as a generic cell rate algorithm (GCRA, a
 * leaky bucket kept as one number per key) in bounded Caffeine caches, one per key kind.
 *
 * <p>With {@code failures} per {@code window}, each failure moves the key's "theoretical arrival
 * time" {@code window / failures} further into the future; the key is held back while that time
 * lies more than {@code window - window / failures} ahead. So {@code failures} failures in a row
 * are taken, the next is refused, and from then on one more failure is taken every {@code window /
 * failures}: the count decays steadily, nothing is locked for good, and a key that stops failing is
 * forgotten (its entry expires) within one window. Attempts refused while held back are not counted,
 * so hammering a held-back key does not prolong its wait. An attempt is charged when it is admitted
 * (check and charge are one atomic step per key) and forgiven when it does not fail, so a crowd of
 * attempts arriving together is admitted only up to the key's allowance.
 */
public final class CaffeineFailedAuthenticationLimiter implements FailedAuthenticationLimiter {

    /** The rate of one key kind: at most {@code failures} failures per {@code window}, in bursts of {@code failures}. */
    public record Rule(int failures, Duration window) {
        public Rule {
            Objects.requireNonNull(window, "window");
            if (failures < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limiter rule needs at least one failure in a positive window");
            }
        }

        long intervalNanos() {
            return Math.max(1, window.toNanos() / failures);
        }

        long toleranceNanos() {
            return window.toNanos() - intervalNanos();
        }
    }

    private final Clock clock;
    private final Map<KeyKind, Rule> rules = new EnumMap<>(KeyKind.class);
    /** Per key: the theoretical arrival time of its next failure, in nanoseconds since the epoch. */
    private final Map<KeyKind, Cache<String, Long>> arrivals = new EnumMap<>(KeyKind.class);

    /**
     * @param maxKeys most keys remembered per kind; beyond it the least useful are forgotten (a
     *                forgotten key starts again from zero, which only makes the limiter milder)
     */
    public CaffeineFailedAuthenticationLimiter(Rule addresses, Rule credentials, long maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("the limiter must remember at least one key");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        rules.put(KeyKind.ADDRESS, Objects.requireNonNull(addresses, "addresses"));
        rules.put(KeyKind.CREDENTIAL, Objects.requireNonNull(credentials, "credentials"));
        for (KeyKind kind : KeyKind.values()) {
            arrivals.put(kind, Caffeine.newBuilder()
                    .maximumSize(maxKeys)
                    // An entry whose arrival time has passed holds nothing a fresh key would not.
                    .expireAfter(Expiry.<String, Long>writing((key, arrival) ->
                            Duration.ofNanos(Math.max(0, arrival - now()))))
                    .ticker(this::now)
                    .executor(Runnable::run)
                    .build());
        }
    }

    @Override
    public Admission admit(List<Key> keys) {
        long now = now();
        List<Key> charged = new ArrayList<>(keys.size());
        List<Key> reached = new ArrayList<>(0);
        long wait = 0;
        for (Key key : keys) {
            Rule rule = rules.get(key.kind());
            long tolerance = rule.toleranceNanos();
            long[] before = {now};
            long[] held = {0};
            // One atomic step per key: held back (nothing charged), or charged one interval.
            arrivals.get(key.kind()).asMap().compute(key.value(), (k, old) -> {
                long arrival = old == null ? now : Math.max(old, now);
                before[0] = arrival;
                if (arrival - now > tolerance) {
                    held[0] = arrival - now - tolerance;
                    return old;
                }
                return arrival + rule.intervalNanos();
            });
            if (held[0] > 0) {
                wait = Math.max(wait, held[0]);
            } else {
                charged.add(key);
                if (before[0] + rule.intervalNanos() - now > tolerance) {
                    reached.add(key);
                }
            }
        }
        if (wait > 0) {
            forgive(charged);
            return new Admission(Duration.ofNanos(wait), List.of());
        }
        return new Admission(Duration.ZERO, reached);
    }

    @Override
    public void forgive(List<Key> keys) {
        for (Key key : keys) {
            long interval = rules.get(key.kind()).intervalNanos();
            arrivals.get(key.kind()).asMap().computeIfPresent(key.value(), (k, arrival) -> arrival - interval);
        }
    }

    @Override
    public Duration retryAfter(List<Key> keys) {
        long now = now();
        long wait = 0;
        for (Key key : keys) {
            Long arrival = arrivals.get(key.kind()).getIfPresent(key.value());
            if (arrival != null) {
                wait = Math.max(wait, arrival - now - rules.get(key.kind()).toleranceNanos());
            }
        }
        return Duration.ofNanos(wait);
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
