package dev.warden.persistence.cache;

import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryMembershipRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingMembershipRepositoryTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final FakePorts ports = new FakePorts();
    private final InMemoryMembershipRepository stored = ports.memberships;
    private final FakeTicker ticker = new FakeTicker();
    private final CachingMembershipRepository memberships = new CachingMembershipRepository(stored, 100, TTL, ticker);

    private final Organization org = ports.organization("Acme");
    private final ServiceUser alice = ports.serviceUser(org, "alice");
    private final ServiceUser bob = ports.serviceUser(org, "bob");

    @Test
    void aUsersMembershipsAreServedFromTheCache() {
        Membership owner = ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);

        assertThat(memberships.findByUser(alice.id())).containsExactly(owner);
        assertThat(memberships.findByUser(alice.id())).containsExactly(owner);

        assertThat(stored.lookups()).isEqualTo(1);
    }

    @Test
    void noMembershipsIsAnAnswerTooAndAFeedChangeEndsIt() {
        assertThat(memberships.findByUser(alice.id())).isEmpty();
        assertThat(memberships.findByUser(alice.id())).isEmpty();
        assertThat(stored.lookups()).isEqualTo(1);

        // Another node grants a role, which records MEMBERSHIP_CHANGED.
        Membership granted = ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.changed(change(ChangeKind.MEMBERSHIP_CHANGED, alice.id()));

        assertThat(memberships.findByUser(alice.id())).containsExactly(granted);
    }

    @Test
    void insertForgetsThatUserOnly() {
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());
        Membership granted = Membership.grant(alice.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER),
                ports.clock.instant());

        assertThat(memberships.insert(granted)).isTrue();

        assertThat(memberships.findByUser(alice.id())).containsExactly(granted);
        assertThat(memberships.findByUser(bob.id())).isEmpty();
        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void updateForgetsThatUserOnly() {
        Membership owner = ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        Membership bobs = ports.grant(bob, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());
        Membership demoted = owner.withRoles(Set.of(Role.ORG_USER_MANAGER), ports.clock.instant());

        assertThat(memberships.update(demoted)).isEqualTo(UpdateResult.UPDATED);

        assertThat(memberships.findByUser(alice.id())).containsExactly(demoted);
        assertThat(memberships.findByUser(bob.id())).containsExactly(bobs);
        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void removeForgetsThatUserOnly() {
        ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        Membership bobs = ports.grant(bob, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());

        assertThat(memberships.remove(alice.id(), MemberScope.ORG, org.id())).isTrue();

        assertThat(memberships.findByUser(alice.id())).isEmpty();
        assertThat(memberships.findByUser(bob.id())).containsExactly(bobs);
        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void aFailingWriteStillForgetsTheUser() {
        Membership owner = ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        var caching = new CachingMembershipRepository(new FailingWrites(stored), 100, TTL, ticker);
        caching.findByUser(alice.id());

        assertThatThrownBy(() -> caching.insert(owner)).isInstanceOf(IllegalStateException.class);
        caching.findByUser(alice.id());
        assertThatThrownBy(() -> caching.update(owner)).isInstanceOf(IllegalStateException.class);
        caching.findByUser(alice.id());
        assertThatThrownBy(() -> caching.remove(alice.id(), MemberScope.ORG, org.id()))
                .isInstanceOf(IllegalStateException.class);
        caching.findByUser(alice.id());

        assertThat(stored.lookups()).isEqualTo(4);
    }

    @Test
    void membershipChangedAndUserChangedFromTheFeedForgetThatUser() {
        ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        Membership bobs = ports.grant(bob, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());

        // Another node takes alice's role away.
        stored.remove(alice.id(), MemberScope.ORG, org.id());
        memberships.changed(change(ChangeKind.MEMBERSHIP_CHANGED, alice.id()));
        assertThat(memberships.findByUser(alice.id())).isEmpty();
        assertThat(memberships.findByUser(bob.id())).containsExactly(bobs);

        // Another node removes bob, and his memberships with him.
        stored.remove(bob.id(), MemberScope.ORG, org.id());
        memberships.changed(change(ChangeKind.USER_CHANGED, bob.id()));
        assertThat(memberships.findByUser(bob.id())).isEmpty();
        assertThat(stored.lookups()).isEqualTo(4);
    }

    @Test
    void otherChangeKindsKeepTheEntry() {
        ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.findByUser(alice.id());

        // Same subject id as the user: only the kind tells them apart.
        memberships.changed(change(ChangeKind.ORG_CHANGED, alice.id()));
        memberships.changed(change(ChangeKind.CREDENTIAL_REVOKED, alice.id()));
        memberships.findByUser(alice.id());

        assertThat(stored.lookups()).isEqualTo(1);
    }

    @Test
    void invalidateUserForgetsThatUserOnly() {
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());

        memberships.invalidateUser(alice.id());
        memberships.findByUser(alice.id());
        memberships.findByUser(bob.id());

        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void anEntryExpiresAfterTheTimeToLive() {
        memberships.findByUser(alice.id());

        ticker.advance(TTL.minusNanos(1));
        memberships.findByUser(alice.id());
        assertThat(stored.lookups()).isEqualTo(1);

        ticker.advance(Duration.ofNanos(1));
        memberships.findByUser(alice.id());
        assertThat(stored.lookups()).isEqualTo(2);
    }

    @Test
    void aLoadInFlightDuringAnInvalidationDoesNotLeaveItsStaleValueBehind() throws Exception {
        ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        var slow = new SlowFirstLookup(stored);
        var caching = new CachingMembershipRepository(slow, 100, TTL, ticker);

        Thread reader = Thread.ofPlatform().start(() -> caching.findByUser(alice.id()));
        assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
        // The reader holds alice's old role; another node now takes it away.
        stored.remove(alice.id(), MemberScope.ORG, org.id());
        Thread invalidator = Thread.ofPlatform()
                .start(() -> caching.changed(change(ChangeKind.MEMBERSHIP_CHANGED, alice.id())));
        CachingOrganizationRepositoryTest.awaitBlockedOrDone(invalidator);
        slow.release.countDown();
        reader.join(5_000);
        invalidator.join(5_000);

        assertThat(caching.findByUser(alice.id())).isEmpty();
    }

    @Test
    void findAndSearchAreNotCached() {
        Membership owner = ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        memberships.findByUser(alice.id());
        stored.remove(alice.id(), MemberScope.ORG, org.id());

        // The cached list still has the role until a change says otherwise; find and search read.
        assertThat(memberships.findByUser(alice.id())).containsExactly(owner);
        assertThat(memberships.find(alice.id(), MemberScope.ORG, org.id())).isEmpty();
        assertThat(memberships.search(MemberScope.ORG, org.id(), new MemberFilter.All(), PageRequest.ALL).items())
                .isEmpty();
    }

    @Test
    void theCachedListCannotBeChangedByItsReaders() {
        ports.grant(alice, MemberScope.ORG, org.id(), Role.ORG_OWNER);

        List<Membership> read = memberships.findByUser(alice.id());

        assertThatThrownBy(read::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sizeIsBounded() {
        var small = new CachingMembershipRepository(stored, 10, TTL, ticker);
        for (long userId = 1; userId <= 200; userId++) {
            small.findByUser(userId);
        }
        small.cleanUp();

        assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void sizeAndTtlMustBePositive() {
        assertThatThrownBy(() -> new CachingMembershipRepository(stored, 0, TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachingMembershipRepository(stored, 10, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsCacheToo() {
        var defaults = new CachingMembershipRepository(stored);

        defaults.findByUser(alice.id());
        defaults.findByUser(alice.id());

        assertThat(stored.lookups()).isEqualTo(1);
    }

    private Change change(ChangeKind kind, long subjectId) {
        return new Change(1, kind, subjectId, ports.clock.instant());
    }

    /** Delegates; the first {@code findByUser} reads, then waits for the test before it returns. */
    private static final class SlowFirstLookup extends Forwarding {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private boolean first = true;

        SlowFirstLookup(MembershipRepository delegate) {
            super(delegate);
        }

        @Override
        public List<Membership> findByUser(long userId) {
            List<Membership> read = super.findByUser(userId);
            boolean wait;
            synchronized (this) {
                wait = first;
                first = false;
            }
            if (wait) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }
    }

    /** Delegates reads; every write fails. */
    private static final class FailingWrites extends Forwarding {
        FailingWrites(MembershipRepository delegate) {
            super(delegate);
        }

        @Override
        public boolean insert(Membership membership) {
            throw new IllegalStateException("database down");
        }

        @Override
        public UpdateResult update(Membership membership) {
            throw new IllegalStateException("database down");
        }

        @Override
        public boolean remove(long userId, MemberScope scope, long scopeId) {
            throw new IllegalStateException("database down");
        }
    }

    private static class Forwarding implements MembershipRepository {
        private final MembershipRepository delegate;

        Forwarding(MembershipRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Membership> findByUser(long userId) {
            return delegate.findByUser(userId);
        }

        @Override
        public Optional<Membership> find(long userId, MemberScope scope, long scopeId) {
            return delegate.find(userId, scope, scopeId);
        }

        @Override
        public boolean insert(Membership membership) {
            return delegate.insert(membership);
        }

        @Override
        public UpdateResult update(Membership membership) {
            return delegate.update(membership);
        }

        @Override
        public boolean remove(long userId, MemberScope scope, long scopeId) {
            return delegate.remove(userId, scope, scopeId);
        }

        @Override
        public Page<Member> search(MemberScope scope, long scopeId, MemberFilter filter, PageRequest page) {
            return delegate.search(scope, scopeId, filter, page);
        }
    }
}
