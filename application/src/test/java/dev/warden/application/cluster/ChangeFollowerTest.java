package dev.warden.application.cluster;

import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.fakes.InMemoryVerifiedCredentialCache;
import dev.warden.application.fakes.MutableClock;
import dev.warden.application.port.out.ChangeFeed;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.principal.Principal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeFollowerTest {

    private static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private static final Duration RETENTION = Duration.ofMinutes(60);

    private final MutableClock clock = new MutableClock();
    private final InMemoryChangeFeed feed = new InMemoryChangeFeed(clock);
    private final RecordingFeed recordingFeed = new RecordingFeed(feed);
    private final InMemoryVerifiedCredentialCache cache = new InMemoryVerifiedCredentialCache(clock);
    private final RecordingListener first = new RecordingListener();
    private final RecordingListener second = new RecordingListener();
    private final ChangeFollower follower = new ChangeFollower(recordingFeed, cache, List.of(first, second), clock,
            OVERLAP, RECHECK, RETENTION);

    @Test
    void credentialRevokedDropsThatCredentialFromTheCache() {
        cache.put("digest-a", principal(1, 7, "11"));
        cache.put("digest-b", principal(1, 7, "12"));

        feed.record(ChangeKind.CREDENTIAL_REVOKED, 11);
        follower.poll();

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isPresent();
    }

    @Test
    void userChangedDropsThatUsersCredentials() {
        cache.put("digest-a", principal(1, 7, "11"));
        cache.put("digest-b", principal(1, 7, "12"));
        cache.put("digest-c", principal(2, 7, "21"));

        feed.record(ChangeKind.USER_CHANGED, 1);
        follower.poll();

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isEmpty();
        assertThat(cache.get("digest-c")).isPresent();
    }

    @Test
    void orgChangedDropsTheCredentialsOfThatOrganizationsUsers() {
        cache.put("digest-a", principal(1, 7, "11"));
        cache.put("digest-b", principal(2, 7, "21"));
        cache.put("digest-c", principal(3, 8, "31"));

        feed.record(ChangeKind.ORG_CHANGED, 7);
        follower.poll();

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(cache.get("digest-b")).isEmpty();
        assertThat(cache.get("digest-c")).isPresent();
    }

    @Test
    void membershipChangedLeavesTheCredentialCacheAlone() {
        // Subject 1 is the user and also, numerically, a credential and an organization id.
        cache.put("digest-a", principal(1, 1, "1"));

        feed.record(ChangeKind.MEMBERSHIP_CHANGED, 1);
        follower.poll();

        assertThat(cache.get("digest-a")).isPresent();
        assertThat(first.received).extracting(Change::kind).containsExactly(ChangeKind.MEMBERSHIP_CHANGED);
    }

    @Test
    void everyListenerReceivesEveryChangeInFeedOrder() {
        List<Change> recorded = List.of(
                feed.record(ChangeKind.CREDENTIAL_REVOKED, 11),
                feed.record(ChangeKind.USER_CHANGED, 1),
                feed.record(ChangeKind.ORG_CHANGED, 7),
                feed.record(ChangeKind.MEMBERSHIP_CHANGED, 2));

        int applied = follower.poll();

        assertThat(applied).isEqualTo(4);
        assertThat(first.received).containsExactlyElementsOf(recorded);
        assertThat(second.received).containsExactlyElementsOf(recorded);
    }

    @Test
    void aChangeIsAppliedWhenFirstSeenNotAtTheNextPollAndOnceMoreAfterTheRecheck() {
        Change change = feed.record(ChangeKind.USER_CHANGED, 1);

        assertThat(follower.poll()).isEqualTo(1);
        assertThat(first.received).containsExactly(change);

        clock.advance(Duration.ofMillis(250));
        assertThat(follower.poll()).isZero();
        clock.advance(RECHECK.minusMillis(251));
        assertThat(follower.poll()).isZero();
        assertThat(first.received).containsExactly(change);

        clock.advance(Duration.ofMillis(1));
        assertThat(follower.poll()).isEqualTo(1);
        assertThat(first.received).containsExactly(change, change);

        // Never a third time, for as long as the change stays in the overlap window.
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(750));
            assertThat(follower.poll()).isZero();
        }
        assertThat(first.received).containsExactly(change, change);
    }

    @Test
    void theSecondPassDropsAStaleEntryPutBackBetweenTheTwoPasses() {
        Principal principal = principal(1, 7, "11");
        cache.put("digest-a", principal);
        feed.record(ChangeKind.CREDENTIAL_REVOKED, 11);

        follower.poll();
        assertThat(cache.get("digest-a")).isEmpty();

        // A verification that read the token before the revocation finishes now and caches it again.
        clock.advance(Duration.ofMillis(300));
        cache.put("digest-a", principal);
        follower.poll();
        assertThat(cache.get("digest-a")).as("before the recheck").isPresent();

        clock.advance(RECHECK);
        follower.poll();
        assertThat(cache.get("digest-a")).as("after the recheck").isEmpty();
    }

    @Test
    void eachChangeHasItsOwnRecheck() {
        Change early = feed.record(ChangeKind.USER_CHANGED, 1);
        follower.poll();
        clock.advance(Duration.ofSeconds(1));
        Change late = feed.record(ChangeKind.USER_CHANGED, 2);
        follower.poll();
        assertThat(first.received).containsExactly(early, late);

        clock.advance(Duration.ofSeconds(1));
        follower.poll();
        assertThat(first.received).containsExactly(early, late, early);

        clock.advance(Duration.ofSeconds(1));
        follower.poll();
        assertThat(first.received).containsExactly(early, late, early, late);
    }

    @Test
    void aChangeCommittedLateWithAnEarlierTimeIsStillSeenWithinTheOverlap() {
        follower.poll();
        Instant now = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        follower.poll();

        // Another node stamped its change before this node's last poll, but committed it only now.
        clock.set(now.minusSeconds(5));
        Change late = feed.record(ChangeKind.USER_CHANGED, 1);
        clock.set(now.plusSeconds(2));

        assertThat(follower.poll()).isEqualTo(1);
        assertThat(first.received).containsExactly(late);
    }

    @Test
    void changesOlderThanTheOverlapAreNotRead() {
        feed.record(ChangeKind.USER_CHANGED, 1);
        Instant recordedAt = clock.instant();
        clock.advance(OVERLAP.plusMillis(1));

        assertThat(follower.poll()).isZero();

        assertThat(first.received).isEmpty();
        assertThat(recordingFeed.sinceCalls).containsExactly(clock.instant().minus(OVERLAP));
        assertThat(recordingFeed.sinceCalls.getFirst()).isAfter(recordedAt);
    }

    @Test
    void aChangeExactlyAtTheOverlapsStartIsRead() {
        Change change = feed.record(ChangeKind.USER_CHANGED, 1);
        clock.advance(OVERLAP);

        assertThat(follower.poll()).isEqualTo(1);
        assertThat(first.received).containsExactly(change);
    }

    @Test
    void theOverlapMustBeLongerThanTheRecheck() {
        assertThatThrownBy(() -> new ChangeFollower(feed, cache, List.of(), clock, RECHECK, RECHECK, RETENTION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeFollower(feed, cache, List.of(), clock, RECHECK.minusMillis(1), RECHECK,
                RETENTION))
                .isInstanceOf(IllegalArgumentException.class);

        // Just longer is enough.
        new ChangeFollower(feed, cache, List.of(), clock, RECHECK.plusMillis(1), RECHECK, RETENTION);
    }

    @Test
    void pruneIsCalledWithNowMinusRetentionAtMostEveryTenthOfTheRetention() {
        Instant start = clock.instant();
        follower.poll();
        assertThat(recordingFeed.pruneCalls).containsExactly(start.minus(RETENTION));

        Duration tenth = RETENTION.dividedBy(10);
        clock.advance(Duration.ofSeconds(1));
        follower.poll();
        clock.set(start.plus(tenth));
        follower.poll();
        assertThat(recordingFeed.pruneCalls).as("not again within a tenth of the retention").hasSize(1);

        clock.set(start.plus(tenth).plusMillis(1));
        follower.poll();
        assertThat(recordingFeed.pruneCalls)
                .containsExactly(start.minus(RETENTION), clock.instant().minus(RETENTION));
    }

    @Test
    void pruningDeletesOnlyEntriesOlderThanTheRetention() {
        Instant start = clock.instant();
        feed.record(ChangeKind.USER_CHANGED, 1);
        clock.advance(Duration.ofMinutes(30));
        Change kept = feed.record(ChangeKind.USER_CHANGED, 2);

        clock.set(start.plus(RETENTION).plusMillis(1));
        follower.poll();

        assertThat(feed.all()).containsExactly(kept);
    }

    @Test
    void pollCountsWhatItApplied() {
        assertThat(follower.poll()).isZero();

        feed.record(ChangeKind.USER_CHANGED, 1);
        feed.record(ChangeKind.USER_CHANGED, 2);
        assertThat(follower.poll()).isEqualTo(2);

        clock.advance(RECHECK);
        feed.record(ChangeKind.USER_CHANGED, 3);
        // Two second passes and one first.
        assertThat(follower.poll()).isEqualTo(3);
    }

    @Test
    void pollsFailingForLongerThanStaleAfterEmptyTheCredentialCache() {
        follower.poll();
        cache.put("digest-a", principal(1, 7, "11"));
        recordingFeed.failing = true;

        clock.advance(ChangeFollower.DEFAULT_STALE_AFTER);
        assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("digest-a")).as("within the bound").isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("digest-a")).as("past the bound").isEmpty();

        // Nothing verified meanwhile survives either, until the feed is read again.
        cache.put("digest-b", principal(2, 7, "21"));
        clock.advance(Duration.ofMillis(250));
        assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("digest-b")).isEmpty();

        recordingFeed.failing = false;
        follower.poll();
        cache.put("digest-c", principal(3, 7, "31"));
        follower.poll();
        assertThat(cache.get("digest-c")).isPresent();
    }

    @Test
    void staleCredentialsAreForgottenWithoutAPollThatCouldHang() {
        follower.poll();
        cache.put("digest-a", principal(1, 7, "11"));

        clock.advance(ChangeFollower.DEFAULT_STALE_AFTER);
        assertThat(follower.forgetCredentialsIfStale()).isFalse();
        assertThat(cache.get("digest-a")).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(follower.forgetCredentialsIfStale()).isTrue();
        assertThat(cache.get("digest-a")).isEmpty();
    }

    @Test
    void theFirstReadAfterAGapStartsWhereTheLastSuccessfulOneLeftOff() {
        follower.poll();
        Instant lastRead = clock.instant();
        recordingFeed.failing = true;
        clock.advance(Duration.ofSeconds(5));
        Change duringTheOutage = feed.record(ChangeKind.CREDENTIAL_REVOKED, 11);
        clock.advance(OVERLAP.multipliedBy(3));
        assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
        cache.put("digest-a", principal(1, 7, "11"));

        recordingFeed.failing = false;
        assertThat(follower.poll()).isEqualTo(1);

        assertThat(recordingFeed.sinceCalls.getLast()).isEqualTo(lastRead.minus(OVERLAP));
        assertThat(first.received).containsExactly(duringTheOutage);
        assertThat(cache.get("digest-a")).isEmpty();
        Instant caughtUp = clock.instant();
        clock.advance(Duration.ofMillis(250));
        follower.poll();
        assertThat(recordingFeed.sinceCalls.getLast()).as("back to the overlap").isEqualTo(caughtUp.minus(OVERLAP));
    }

    @Test
    void aGapLongerThanTheRetentionEmptiesTheCredentialCache() {
        follower.poll();
        recordingFeed.failing = true;
        clock.advance(RETENTION);
        assertThatThrownBy(follower::poll).isInstanceOf(IllegalStateException.class);
        recordingFeed.failing = false;
        cache.put("digest-a", principal(1, 7, "11"));

        follower.poll();

        assertThat(cache.get("digest-a")).isEmpty();
        assertThat(recordingFeed.sinceCalls.getLast()).isEqualTo(clock.instant().minus(RETENTION));
    }

    private Principal principal(long userId, long orgId, String credentialId) {
        return new Principal(userId, orgId, credentialId, "pat", clock.instant().plus(Duration.ofHours(1)));
    }

    private static final class RecordingListener implements ChangeListener {
        final List<Change> received = new ArrayList<>();

        @Override
        public void changed(Change change) {
            received.add(change);
        }
    }

    /** The in-memory feed, recording the times the follower asks for. */
    private static final class RecordingFeed implements ChangeFeed {
        final List<Instant> sinceCalls = new ArrayList<>();
        final List<Instant> pruneCalls = new ArrayList<>();
        boolean failing;
        private final InMemoryChangeFeed delegate;

        RecordingFeed(InMemoryChangeFeed delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Change> since(Instant since) {
            if (failing) {
                throw new IllegalStateException("database unreachable");
            }
            sinceCalls.add(since);
            return delegate.since(since);
        }

        @Override
        public int prune(Instant before) {
            pruneCalls.add(before);
            return delegate.prune(before);
        }
    }
}
