package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.domain.principal.Principal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineVerifiedCredentialCacheTest {

    private static final Duration MAX_TTL = Duration.ofMinutes(5);

    private final FakeTime time = new FakeTime(Instant.parse("2026-05-01T12:00:00Z"));
    private final CaffeineVerifiedCredentialCache cache =
            new CaffeineVerifiedCredentialCache(100, MAX_TTL, time.clock(), time);

    @Test
    void storedPrincipalIsFoundByItsDigest() {
        Principal principal = principal(1, "11", time.now().plus(Duration.ofHours(1)));

        cache.put("digest-a", principal);

        assertThat(cache.get("digest-a")).contains(principal);
    }

    @Test
    void anEntryVerifiedBeforeAnyInvalidationIsKept() {
        Principal principal = principal(1, "11", time.now().plus(Duration.ofHours(1)));
        long generation = cache.generation();

        cache.put("digest-a", principal, generation);

        assertThat(cache.get("digest-a")).contains(principal);
    }

    @Test
    void anEntryVerifiedAcrossAnInvalidationIsNotKept() {
        Principal principal = principal(1, "11", time.now().plus(Duration.ofHours(1)));
        for (Runnable invalidation : new Runnable[] {() -> cache.invalidateCredential("11"),
                () -> cache.invalidateUser(1), () -> cache.invalidateOrg(7), () -> cache.invalidateUser(99)}) {
            long generation = cache.generation();
            // The verification read the stored state here; a change was applied while it hashed.
            invalidation.run();

            cache.put("digest-a", principal, generation);

            assertThat(cache.get("digest-a")).isEmpty();
        }
    }

    @Test
    void unknownDigestIsNotFound() {
        assertThat(cache.get("never-stored")).isEmpty();
    }

    @Test
    void entryEndsWhenItsCredentialExpiresBeforeTheMaximumTtl() {
        cache.put("digest-a", principal(1, "11", time.now().plus(Duration.ofSeconds(30))));

        time.advance(Duration.ofSeconds(29));
        assertThat(cache.get("digest-a")).isPresent();

        time.advance(Duration.ofSeconds(1));
        assertThat(cache.get("digest-a")).isEmpty();
    }

    @Test
    void entryEndsAfterTheMaximumTtlWhenItsCredentialLivesLonger() {
        cache.put("digest-a", principal(1, "11", Instant.parse("9999-12-31T23:59:59Z")));

        time.advance(MAX_TTL.minusNanos(1));
        assertThat(cache.get("digest-a")).isPresent();

        time.advance(Duration.ofNanos(1));
        assertThat(cache.get("digest-a")).isEmpty();
    }

    @Test
    void entryIsNotServedOnceTheWallClockPassesItsExpiryEvenIfTheTickerLags() {
        cache.put("digest-a", principal(1, "11", time.now().plus(Duration.ofSeconds(30))));

        time.jumpWallClock(Duration.ofMinutes(1));

        assertThat(cache.get("digest-a")).isEmpty();
    }

    @Test
    void alreadyExpiredPrincipalIsNotStored() {
        cache.put("digest-a", principal(1, "11", time.now()));

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.estimatedSize()).isZero();
    }

    @Test
    void invalidatingACredentialDropsEveryEntryOfIt() {
        Instant later = time.now().plus(Duration.ofHours(1));
        cache.put("digest-a", principal(1, "11", later));
        cache.put("digest-b", principal(1, "11", later));
        Principal otherCredential = principal(1, "12", later);
        cache.put("digest-c", otherCredential);

        cache.invalidateCredential("11");

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isEmpty();
        assertThat(cache.get("digest-c")).contains(otherCredential);
    }

    @Test
    void invalidatingAUserDropsEveryEntryOfThatUser() {
        Instant later = time.now().plus(Duration.ofHours(1));
        cache.put("digest-a", principal(1, "11", later));
        cache.put("digest-b", principal(1, "12", later));
        Principal otherUser = principal(2, "21", later);
        cache.put("digest-c", otherUser);

        cache.invalidateUser(1);

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isEmpty();
        assertThat(cache.get("digest-c")).contains(otherUser);
    }

    @Test
    void invalidatingAnOrganizationDropsEveryEntryOfItsUsers() {
        Instant later = time.now().plus(Duration.ofHours(1));
        cache.put("digest-a", new Principal(1, 7, "11", "pat", later));
        cache.put("digest-b", new Principal(2, 7, "21", "pat", later));
        Principal otherOrg = new Principal(3, 8, "31", "pat", later);
        cache.put("digest-c", otherOrg);

        cache.invalidateOrg(7);

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isEmpty();
        assertThat(cache.get("digest-c")).contains(otherOrg);
    }

    @Test
    void sizeIsBounded() {
        CaffeineVerifiedCredentialCache small = new CaffeineVerifiedCredentialCache(10, MAX_TTL, time.clock(), time);
        Instant later = time.now().plus(Duration.ofHours(1));

        for (int i = 0; i < 200; i++) {
            small.put("digest-" + i, principal(1, Integer.toString(i), later));
        }
        small.cleanUp();

        assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void sizeAndTtlMustBePositive() {
        assertThatThrownBy(() -> new CaffeineVerifiedCredentialCache(0, MAX_TTL, time.clock()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeineVerifiedCredentialCache(10, Duration.ZERO, time.clock()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Principal principal(long userId, String credentialId, Instant expiresAt) {
        return new Principal(userId, 7, credentialId, "pat", expiresAt);
    }

    /** A ticker and a wall clock that tests move; normally together, as real time moves both. */
    private static final class FakeTime implements Ticker {
        private long nanos;
        private Instant wallClock;

        FakeTime(Instant start) {
            this.wallClock = start;
        }

        Instant now() {
            return wallClock;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
            wallClock = wallClock.plus(duration);
        }

        void jumpWallClock(Duration duration) {
            wallClock = wallClock.plus(duration);
        }

        @Override
        public long read() {
            return nanos;
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return wallClock;
                }
            };
        }
    }
}
