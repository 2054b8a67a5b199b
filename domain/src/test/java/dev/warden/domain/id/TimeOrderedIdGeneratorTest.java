package dev.warden.domain.id;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedIdGeneratorTest {

    private static final Instant START = Instant.parse("2025-08-28T09:16:00Z");

    @Test
    void idsStrictlyIncreaseWhileTimePasses() {
        SteppingClock clock = new SteppingClock(START);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock, 3);

        long previous = 0;
        for (int i = 0; i < 100_000; i++) {
            if (i % 7 == 0) {
                clock.advanceMillis(1);
            }
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void idsStrictlyIncreaseWhenTheClockStandsStillForMoreThanOneMillisecondsSequence() {
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.fixed(START, ZoneOffset.UTC), 3);

        long previous = 0;
        for (int i = 0; i < 3 * 4096 + 17; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void idsStrictlyIncreaseWhenTheClockStepsBackwards() {
        SteppingClock clock = new SteppingClock(START);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock, 3);
        long beforeStep = 0;
        for (int i = 0; i < 10; i++) {
            beforeStep = ids.nextId();
        }

        clock.advanceMillis(-60_000);
        long previous = beforeStep;
        for (int i = 0; i < 10_000; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        clock.advanceMillis(120_000);
        assertThat(ids.nextId()).isGreaterThan(previous);
    }

    @Test
    void idsArePositiveAndAboutEighteenDecimalDigitsForCurrentDates() {
        for (String date : new String[] {"2025-01-01T00:00:00Z", "2025-08-28T09:16:00Z", "2030-12-31T23:59:59Z"}) {
            for (int node : new int[] {0, TimeOrderedIdGenerator.MAX_NODE_ID}) {
                long id = new TimeOrderedIdGenerator(Clock.fixed(Instant.parse(date), ZoneOffset.UTC), node).nextId();

                assertThat(id).as(date).isPositive();
                assertThat(Long.toString(id)).as(date).hasSize(18);
            }
        }
    }

    @Test
    void idsStayPositiveAtTheEndOfTheFortyOneBitRange() {
        Instant last = TimeOrderedIdGenerator.EPOCH.plusMillis((1L << 41) - 1);
        long id = new TimeOrderedIdGenerator(Clock.fixed(last, ZoneOffset.UTC), TimeOrderedIdGenerator.MAX_NODE_ID)
                .nextId();

        assertThat(id).isPositive();
    }

    @Test
    void differentNodesNeverCollideInTheSameMillisecond() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        Set<Long> seen = new HashSet<>();
        for (int node = 0; node <= TimeOrderedIdGenerator.MAX_NODE_ID; node++) {
            TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock, node);
            for (int i = 0; i < 50; i++) {
                assertThat(seen.add(ids.nextId())).as("node %d id %d", node, i).isTrue();
            }
        }
    }

    @Test
    void nodeIdOutsideTenBitsIsRefused() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);

        assertThatThrownBy(() -> new TimeOrderedIdGenerator(clock, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeOrderedIdGenerator(clock, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TimeOrderedIdGenerator(clock, 1023).nextId()).isPositive();
    }

    @Test
    void generatorWithRandomNodeIssuesValidIds() {
        assertThat(TimeOrderedIdGenerator.withRandomNode(Clock.systemUTC()).nextId()).isPositive();
    }

    @Test
    void idsRoundTripThroughTheirDecimalForm() {
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.systemUTC(), 5);
        for (int i = 0; i < 100; i++) {
            long id = ids.nextId();
            assertThat(Ids.parse(Long.toString(id))).contains(id);
        }
    }

    /** A clock tests move by hand, forwards or backwards. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong millis;

        SteppingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advanceMillis(long delta) {
            millis.addAndGet(delta);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
