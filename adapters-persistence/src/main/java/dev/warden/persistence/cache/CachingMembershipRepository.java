package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.Change;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: a {@link MembershipRepository} that keeps each user's memberships
 * ({@link #findByUser}, read to authorize every request) in a bounded Caffeine cache.
 *
 * <p>Writes through this repository forget the user as soon as the delegate returns; writes by other
 * nodes reach it through the change follower ({@link #changed}) as {@code MEMBERSHIP_CHANGED} or
 * {@code USER_CHANGED} (a removed user loses its memberships). A user without memberships is cached
 * like any other answer: every write that gives a user a membership records {@code MEMBERSHIP_CHANGED}.
 * The time-to-live is only a safety net should a change ever be missed.
 *
 * <p>A lookup loads under Caffeine's per-key computation, and an invalidation waits for a load of
 * the same user in flight and then removes its result, so a load that read the database before a
 * change cannot leave its stale value behind. Nothing is ever reloaded in the background.
 */
public final class CachingMembershipRepository implements MembershipRepository, ChangeListener {

    /** Default bound on users whose memberships are cached. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Default longest time memberships are served from the cache without a fresh read. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final MembershipRepository delegate;
    private final Cache<Long, List<Membership>> cache;

    /** With the default size and time-to-live. */
    public CachingMembershipRepository(MembershipRepository delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL);
    }

    /**
     * @param maximumSize most users kept; beyond it the least valuable are evicted
     * @param ttl         longest a user's memberships are served without a fresh read, should a
     *                    change ever fail to invalidate them
     */
    public CachingMembershipRepository(MembershipRepository delegate, long maximumSize, Duration ttl) {
        this(delegate, maximumSize, ttl, Ticker.systemTicker());
    }

    /** With a ticker that tests move. */
    CachingMembershipRepository(MembershipRepository delegate, long maximumSize, Duration ttl, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public List<Membership> findByUser(long userId) {
        return cache.get(userId, key -> List.copyOf(delegate.findByUser(key)));
    }

    /** Not cached: read to change a membership, which must see the stored one. */
    @Override
    public Optional<Membership> find(long userId, MemberScope scope, long scopeId) {
        return delegate.find(userId, scope, scopeId);
    }

    @Override
    public boolean insert(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        try {
            return delegate.insert(membership);
        } finally {
            // Also when the delegate failed: it may have stored before failing, and forgetting is cheap.
            invalidateUser(membership.userId());
        }
    }

    @Override
    public UpdateResult update(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        try {
            return delegate.update(membership);
        } finally {
            invalidateUser(membership.userId());
        }
    }

    @Override
    public boolean remove(long userId, MemberScope scope, long scopeId) {
        try {
            return delegate.remove(userId, scope, scopeId);
        } finally {
            invalidateUser(userId);
        }
    }

    /** Not cached: an administrative query. */
    @Override
    public Page<Member> search(MemberScope scope, long scopeId, MemberFilter filter, PageRequest page) {
        return delegate.search(scope, scopeId, filter, page);
    }

    @Override
    public void changed(Change change) {
        switch (change.kind()) {
            case MEMBERSHIP_CHANGED, USER_CHANGED -> invalidateUser(change.subjectId());
            case CREDENTIAL_REVOKED, ORG_CHANGED -> {
                // Memberships are unchanged; an organization's removal also records MEMBERSHIP_CHANGED.
            }
        }
    }

    /**
     * Forgets the user's memberships, for writes that change them through another repository (a new
     * organization's owner, see {@link CachingOrganizationRepository}).
     */
    public void invalidateUser(long userId) {
        cache.invalidate(userId);
    }

    /** Approximate number of users whose memberships are cached, for metrics. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Runs pending evictions now, so that tests can observe the size bound. */
    void cleanUp() {
        cache.cleanUp();
    }
}
