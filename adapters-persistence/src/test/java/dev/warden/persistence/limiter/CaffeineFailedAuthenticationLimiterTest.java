package dev.warden.persistence.limiter;

import dev.warden.application.fakes.MutableClock;
import dev.warden.application.port.out.FailedAuthenticationLimiter.Admission;
import dev.warden.application.port.out.FailedAuthenticationLimiter.Key;
import dev.warden.application.port.out.FailedAuthenticationLimiter.KeyKind;
import dev.warden.persistence.limiter.CaffeineFailedAuthenticationLimiter.Rule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineFailedAuthenticationLimiterTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Key ADDRESS = new Key(KeyKind.ADDRESS, "192.0.2.7");
    private static final Key OTHER_ADDRESS = new Key(KeyKind.ADDRESS, "192.0.2.8");
    private static final Key PAT = new Key(KeyKind.CREDENTIAL, "wdn_pat_42");

    private final MutableClock clock = new MutableClock();
    /** 10 failures per minute for addresses, 5 for credentials: one failure decays every 6 s / 12 s. */
    private final CaffeineFailedAuthenticationLimiter limiter = new CaffeineFailedAuthenticationLimiter(
            new Rule(10, WINDOW), new Rule(5, WINDOW), 1_000, clock);

    @Test
    void aKeyIsHeldBackRightAfterItsThresholdOfFailuresNotBefore() {
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(limiter.retryAfter(List.of(ADDRESS))).as("before failure %d", failure).isZero();
            limiter.admit(List.of(ADDRESS));
        }
        assertThat(limiter.retryAfter(List.of(ADDRESS))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void eachKindHasItsOwnThreshold() {
        for (int failure = 0; failure < 5; failure++) {
            limiter.admit(List.of(ADDRESS, PAT));
        }
        assertThat(limiter.retryAfter(List.of(PAT))).isEqualTo(Duration.ofSeconds(12));
        assertThat(limiter.retryAfter(List.of(ADDRESS))).isZero();
        assertThat(limiter.retryAfter(List.of(ADDRESS, PAT))).as("the longest wait of the keys").isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void otherKeysAreNotTouched() {
        fail(ADDRESS, 10);
        assertThat(limiter.retryAfter(List.of(OTHER_ADDRESS))).isZero();
        assertThat(limiter.retryAfter(List.of(new Key(KeyKind.CREDENTIAL, ADDRESS.value())))).isZero();
    }

    @Test
    void theLimitDecaysOneFailureAtATimeAndLiftsCompletelyAfterTheWindow() {
        fail(ADDRESS, 10);
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.retryAfter(List.of(ADDRESS))).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.retryAfter(List.of(ADDRESS))).as("one failure has decayed").isZero();
        limiter.admit(List.of(ADDRESS));
        assertThat(limiter.retryAfter(List.of(ADDRESS))).as("and was used up at once").isEqualTo(Duration.ofSeconds(6));

        clock.advance(WINDOW);
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(limiter.retryAfter(List.of(ADDRESS))).as("a full burst again, failure %d", failure).isZero();
            limiter.admit(List.of(ADDRESS));
        }
    }

    @Test
    void slowFailuresAreNeverHeldBackButNeverMoreThanTheRate() {
        // One failure every 6 s is exactly the rate the window allows: never refused.
        for (int failure = 0; failure < 100; failure++) {
            assertThat(limiter.retryAfter(List.of(ADDRESS))).isZero();
            limiter.admit(List.of(ADDRESS));
            clock.advance(Duration.ofSeconds(6));
        }
    }

    @Test
    void attemptsWhileHeldBackAreRefusedUnchargedAndDoNotProlongTheWait() {
        fail(ADDRESS, 10);
        Duration wait = limiter.retryAfter(List.of(ADDRESS));
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.admit(List.of(ADDRESS))).isEqualTo(new Admission(wait, List.of()));
        }
        assertThat(limiter.retryAfter(List.of(ADDRESS))).isEqualTo(wait);
    }

    @Test
    void aForgivenAttemptCostsNothing() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.admit(List.of(ADDRESS, PAT)).admitted()).isTrue();
            limiter.forgive(List.of(ADDRESS, PAT));
        }
        assertThat(limiter.retryAfter(List.of(ADDRESS, PAT))).isZero();
    }

    @Test
    void aHeldBackKeyChargesNoneOfTheOtherKeys() {
        fail(PAT, 5);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.admit(List.of(ADDRESS, PAT)).admitted()).isFalse();
        }
        fail(ADDRESS, 9);
        assertThat(limiter.retryAfter(List.of(ADDRESS))).as("only the 9 charges of its own").isZero();
    }

    @Test
    void theFailureThatReachesTheLimitIsReportedOnce() {
        List<Key> reached = new ArrayList<>();
        for (int failure = 0; failure < 12; failure++) {
            reached.addAll(limiter.admit(List.of(ADDRESS, PAT)).reached());
        }
        // The PAT's 5th charge reaches its limit; from the 6th on the attempt is held back as a whole
        // (the address is not charged either), so the address never reaches its 10.
        assertThat(reached).containsExactly(PAT);
    }

    @Test
    void memoryIsBoundedByTheMaximumNumberOfKeys() {
        var small = new CaffeineFailedAuthenticationLimiter(new Rule(1, WINDOW), new Rule(1, WINDOW), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            small.admit(List.of(new Key(KeyKind.CREDENTIAL, "pat:" + i)));
        }
        long remembered = 0;
        for (int i = 0; i < 10_000; i++) {
            remembered += small.retryAfter(List.of(new Key(KeyKind.CREDENTIAL, "pat:" + i))).isZero() ? 0 : 1;
        }
        assertThat(remembered).isBetween(1L, 100L);
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        var rule = new Rule(99, WINDOW);
        var shared = new CaffeineFailedAuthenticationLimiter(rule, rule, 1_000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 98; i++) {
                pool.execute(() -> shared.admit(List.of(ADDRESS)));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(shared.retryAfter(List.of(ADDRESS))).isZero();
        shared.admit(List.of(ADDRESS));
        assertThat(shared.retryAfter(List.of(ADDRESS))).isPositive();
    }

    @Test
    void invalidRulesAreRefused() {
        assertThatThrownBy(() -> new Rule(0, WINDOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeineFailedAuthenticationLimiter(new Rule(1, WINDOW), new Rule(1, WINDOW), 0,
                clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private void fail(Key key, int times) {
        for (int i = 0; i < times; i++) {
            limiter.admit(List.of(key));
        }
    }
}
