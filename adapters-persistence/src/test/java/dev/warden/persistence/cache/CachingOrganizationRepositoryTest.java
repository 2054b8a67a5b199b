package dev.warden.persistence.cache;

import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryOrganizationRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingOrganizationRepositoryTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final FakePorts ports = new FakePorts();
    private final InMemoryOrganizationRepository stored = ports.organizations;
    private final FakeTicker ticker = new FakeTicker();
    private final List<Long> membershipsChanged = new ArrayList<>();
    private final CachingOrganizationRepository organizations =
            new CachingOrganizationRepository(stored, membershipsChanged::add, 100, TTL, ticker);

    @Test
    void aFoundOrganizationIsServedFromTheCache() {
        Organization org = ports.organization("Acme");

        assertThat(organizations.findById(org.id())).contains(org);
        assertThat(organizations.findById(org.id())).contains(org);
        assertThat(organizations.findById(org.id())).contains(org);

        assertThat(stored.lookups()).isEqualTo(1);
    }

    @Test
    void absenceIsNotCachedSoAnOrganizationCreatedElsewhereIsFoundAtOnce() {
        assertThat(organizations.findById(42)).isEmpty();
        assertThat(organizations.findById(42)).isEmpty();
        assertThat(stored.lookups()).isEqualTo(2);

        // Another node creates it: this node has seen no change yet.
        Organization created = stored.save(Organization.create(42, "Elsewhere", FakePorts.INSTANCE_DOMAIN, now()));

        assertThat(organizations.findById(42)).contains(created);
    }

    @Test
    void insertForgetsTheNewOrganizationAndTellsAboutItsOwner() {
        Organization org = Organization.create(ports.ids.nextId(), "New", FakePorts.INSTANCE_DOMAIN, now());
        ServiceUser owner = ports.serviceUser(ports.organization("Home"), "owner");
        assertThat(organizations.findById(org.id())).isEmpty();

        boolean inserted = organizations.insert(org, ownerOf(owner, org));

        assertThat(inserted).isTrue();
        assertThat(organizations.findById(org.id())).contains(org);
        assertThat(membershipsChanged).containsExactly(owner.id());
    }

    @Test
    void insertForgetsAnEntryEvenWhenTheDelegateRefusesTheInsert() {
        Organization org = ports.organization("Taken");
        ServiceUser owner = ports.serviceUser(org, "owner");
        assertThat(organizations.findById(org.id())).contains(org);

        boolean inserted = organizations.insert(org, ownerOf(owner, org));

        assertThat(inserted).isFalse();
        organizations.findById(org.id());
        assertThat(stored.lookups()).isEqualTo(2);
    }

    @Test
    void updateForgetsThatOrganizationOnly() {
        Organization org = ports.organization("Acme");
        Organization other = ports.organization("Other");
        organizations.findById(org.id());
        organizations.findById(other.id());
        Organization renamed = org.withName("Acme 2", FakePorts.INSTANCE_DOMAIN, now());

        assertThat(organizations.update(renamed)).isEqualTo(UpdateResult.UPDATED);

        assertThat(organizations.findById(org.id())).contains(renamed);
        assertThat(organizations.findById(other.id())).contains(other);
        assertThat(stored.lookups()).isEqualTo(3);
        assertThat(membershipsChanged).isEmpty();
    }

    @Test
    void aConflictForgetsTheStaleOrganizationSoThatTheRetryReadsTheStoredOne() {
        Organization org = ports.organization("Acme");
        Organization cached = organizations.findById(org.id()).orElseThrow();
        // Another node deactivates it; this node has not followed the change feed yet.
        Organization inactive = stored.save(org.withState(OrgState.INACTIVE, now()));
        assertThat(organizations.findById(org.id())).contains(cached);

        assertThat(organizations.update(cached.withName("Acme 2", FakePorts.INSTANCE_DOMAIN, now())))
                .isEqualTo(UpdateResult.CONFLICT);

        assertThat(organizations.findById(org.id())).contains(inactive);
    }

    @Test
    void removeForgetsTheOrganization() {
        Organization org = ports.organization("Doomed");
        Organization other = ports.organization("Other");
        organizations.findById(org.id());
        organizations.findById(other.id());

        organizations.remove(org.id());

        assertThat(organizations.findById(org.id())).isEmpty();
        assertThat(organizations.findById(other.id())).contains(other);
        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void aFailingWriteStillForgetsTheOrganization() {
        Organization org = ports.organization("Acme");
        var failing = new FailingWrites(stored);
        var caching = new CachingOrganizationRepository(failing, membershipsChanged::add, 100, TTL, ticker);
        caching.findById(org.id());

        assertThatThrownBy(() -> caching.update(org)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> caching.remove(org.id())).isInstanceOf(IllegalStateException.class);
        caching.findById(org.id());

        assertThat(stored.lookups()).isEqualTo(2);
    }

    @Test
    void orgChangedFromTheFeedForgetsThatOrganization() {
        Organization org = ports.organization("Acme");
        Organization other = ports.organization("Other");
        organizations.findById(org.id());
        organizations.findById(other.id());
        // Another node deactivates it.
        Organization inactive = stored.save(org.withState(OrgState.INACTIVE, now()));

        organizations.changed(change(ChangeKind.ORG_CHANGED, org.id()));

        assertThat(organizations.findById(org.id())).contains(inactive);
        assertThat(organizations.findById(other.id())).contains(other);
        assertThat(stored.lookups()).isEqualTo(3);
    }

    @Test
    void otherChangeKindsKeepTheEntry() {
        Organization org = ports.organization("Acme");
        organizations.findById(org.id());

        // Same subject id as the organization: only the kind tells them apart.
        organizations.changed(change(ChangeKind.USER_CHANGED, org.id()));
        organizations.changed(change(ChangeKind.MEMBERSHIP_CHANGED, org.id()));
        organizations.changed(change(ChangeKind.CREDENTIAL_REVOKED, org.id()));
        organizations.findById(org.id());

        assertThat(stored.lookups()).isEqualTo(1);
    }

    @Test
    void applyingAChangeTwiceIsHarmless() {
        Organization org = ports.organization("Acme");
        organizations.findById(org.id());

        organizations.changed(change(ChangeKind.ORG_CHANGED, org.id()));
        organizations.changed(change(ChangeKind.ORG_CHANGED, org.id()));

        assertThat(organizations.findById(org.id())).contains(org);
        assertThat(stored.lookups()).isEqualTo(2);
    }

    @Test
    void anEntryExpiresAfterTheTimeToLive() {
        Organization org = ports.organization("Acme");
        organizations.findById(org.id());

        ticker.advance(TTL.minusNanos(1));
        organizations.findById(org.id());
        assertThat(stored.lookups()).isEqualTo(1);

        ticker.advance(Duration.ofNanos(1));
        organizations.findById(org.id());
        assertThat(stored.lookups()).isEqualTo(2);
    }

    /**
     * The race the change follower's second pass is for: a load that read the old organization
     * before the change and returns after its invalidation must not leave the old value behind.
     */
    @Test
    void aLoadInFlightDuringAnInvalidationDoesNotLeaveItsStaleValueBehind() throws Exception {
        Organization org = ports.organization("Acme");
        var slow = new SlowFirstLookup(stored);
        var caching = new CachingOrganizationRepository(slow, membershipsChanged::add, 100, TTL, ticker);

        Thread reader = Thread.ofPlatform().start(() -> caching.findById(org.id()));
        assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
        // The reader holds the old organization; another node now deactivates it.
        Organization inactive = stored.save(org.withState(OrgState.INACTIVE, now()));
        Thread invalidator = Thread.ofPlatform()
                .start(() -> caching.changed(change(ChangeKind.ORG_CHANGED, org.id())));
        awaitBlockedOrDone(invalidator);
        slow.release.countDown();
        reader.join(5_000);
        invalidator.join(5_000);

        assertThat(caching.findById(org.id())).contains(inactive);
    }

    @Test
    void listIsNotCached() {
        ports.organization("Acme");

        var first = organizations.list(new OrgFilter.All(), PageRequest.ALL);
        ports.organization("Beta");
        var second = organizations.list(new OrgFilter.All(), PageRequest.ALL);

        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).hasSize(2);
    }

    @Test
    void sizeIsBounded() {
        var small = new CachingOrganizationRepository(stored, membershipsChanged::add, 10, TTL, ticker);
        for (int i = 0; i < 200; i++) {
            small.findById(ports.organization("Org " + i).id());
        }
        small.cleanUp();

        assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void sizeAndTtlMustBePositive() {
        assertThatThrownBy(() -> new CachingOrganizationRepository(stored, id -> { }, 0, TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachingOrganizationRepository(stored, id -> { }, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsCacheToo() {
        Organization org = ports.organization("Acme");
        var defaults = new CachingOrganizationRepository(stored);

        defaults.findById(org.id());
        defaults.findById(org.id());

        assertThat(stored.lookups()).isEqualTo(1);
    }

    private Instant now() {
        return ports.clock.instant();
    }

    private Membership ownerOf(ServiceUser user, Organization org) {
        return Membership.grant(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), now());
    }

    private Change change(ChangeKind kind, long subjectId) {
        return new Change(1, kind, subjectId, now());
    }

    /** Waits until the thread waits on a lock or has finished, whichever it does. */
    static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("thread neither blocked nor finished: " + thread.getState());
    }

    /** Delegates; the first {@code findById} reads, then waits for the test before it returns. */
    private static final class SlowFirstLookup extends Forwarding {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private boolean first = true;

        SlowFirstLookup(InMemoryOrganizationRepository delegate) {
            super(delegate);
        }

        @Override
        public Optional<Organization> findById(long id) {
            Optional<Organization> read = super.findById(id);
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
        FailingWrites(InMemoryOrganizationRepository delegate) {
            super(delegate);
        }

        @Override
        public UpdateResult update(Organization organization) {
            throw new IllegalStateException("database down");
        }

        @Override
        public void remove(long orgId) {
            throw new IllegalStateException("database down");
        }
    }

    private static class Forwarding implements dev.warden.application.port.out.OrganizationRepository {
        private final InMemoryOrganizationRepository delegate;

        Forwarding(InMemoryOrganizationRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Organization> findById(long id) {
            return delegate.findById(id);
        }

        @Override
        public boolean insert(Organization organization, Membership owner) {
            return delegate.insert(organization, owner);
        }

        @Override
        public UpdateResult update(Organization organization) {
            return delegate.update(organization);
        }

        @Override
        public void remove(long orgId) {
            delegate.remove(orgId);
        }

        @Override
        public dev.warden.domain.query.Page<Organization> list(OrgFilter filter, PageRequest page) {
            return delegate.list(filter, page);
        }
    }
}
