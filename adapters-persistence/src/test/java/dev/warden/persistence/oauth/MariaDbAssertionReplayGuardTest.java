package dev.warden.persistence.oauth;

import dev.warden.application.fakes.MutableClock;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbAssertionReplayGuardTest {

    @Nested
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Engine.H2);
        }
    }

    abstract static class Contract extends DatabaseContract {
        private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
        private final MutableClock clock = new MutableClock(NOW);
        private MariaDbAssertionReplayGuard guard;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createGuard() {
            guard = new MariaDbAssertionReplayGuard(db(), clock);
        }

        @Test
        void firstUseIsTrueAndEveryReplayFalse() {
            String jti = UUID.randomUUID().toString();

            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(60))).isTrue();
            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(60))).isFalse();
            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(3600))).isFalse();
        }

        @Test
        void theSameJtiOfAnotherIssuerIsAnotherAssertion() {
            String jti = UUID.randomUUID().toString();

            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(60))).isTrue();
            assertThat(guard.firstUse("43", jti, NOW.plusSeconds(60))).isTrue();
            // Length-prefixed: issuer "4" with key "2<jti>" is not issuer "42" with key "<jti>".
            assertThat(guard.firstUse("4", "2" + jti, NOW.plusSeconds(60))).isTrue();
        }

        @Test
        void longAndOddReplayKeysAreStored() {
            String jti = "ünï\u0000" + "x".repeat(5000);

            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(60))).isTrue();
            assertThat(guard.firstUse("42", jti, NOW.plusSeconds(60))).isFalse();
        }

        @Test
        void aKeyWhoseWindowEndedIsFreeAgainAndPurged() {
            MutableClock later = new MutableClock(NOW);
            MariaDbAssertionReplayGuard own = new MariaDbAssertionReplayGuard(db(), later);
            String jti = UUID.randomUUID().toString();
            assertThat(own.firstUse("42", jti, NOW.plusSeconds(60))).isTrue();

            later.set(NOW.plusSeconds(61));

            assertThat(own.firstUse("42", jti, NOW.plusSeconds(120))).isTrue();
            assertThat(own.firstUse("42", jti, NOW.plusSeconds(120))).isFalse();
            long before = testDatabase().count("assertion_replays");
            assertThat(own.purgeExpired(NOW.plusSeconds(121))).isGreaterThanOrEqualTo(1);
            assertThat(testDatabase().count("assertion_replays")).isLessThan(before);
        }

        @Test
        void ofConcurrentTakersOfAnEndedKeyExactlyOneWins() throws Exception {
            MutableClock later = new MutableClock(NOW);
            MariaDbAssertionReplayGuard own = new MariaDbAssertionReplayGuard(db(), later);
            String jti = UUID.randomUUID().toString();
            assertThat(own.firstUse("42", jti, NOW.plusSeconds(60))).isTrue();
            later.set(NOW.plusSeconds(61));

            assertThat(winsOf32ConcurrentUses(() -> own.firstUse("42", jti, NOW.plusSeconds(120)))).isOne();
        }

        @Test
        void ofConcurrentUsesExactlyOneWins() throws Exception {
            String jti = UUID.randomUUID().toString();

            assertThat(winsOf32ConcurrentUses(() -> guard.firstUse("42", jti, NOW.plusSeconds(60)))).isOne();
        }

        private static int winsOf32ConcurrentUses(Callable<Boolean> use) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                int wins = 0;
                for (Future<Boolean> result : pool.invokeAll(Collections.nCopies(32, use))) {
                    wins += result.get() ? 1 : 0;
                }
                return wins;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
