package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.Organization;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Driven adapter: an {@link OrganizationRepository} that keeps {@link #findById} results in a
 * bounded Caffeine cache, so that authorizing a request does not read the organization from the
 * database each time.
 *
 * <p>Writes through this repository forget what they touched as soon as the delegate returns; writes
 * by other nodes reach it as {@link ChangeKind#ORG_CHANGED} through the change follower
 * ({@link #changed}). Absence is not cached: an organization created on another node is found at
 * the next lookup. The time-to-live is only a safety net should a change ever be missed.
 *
 * <p>A lookup loads under Caffeine's per-key computation, and an invalidation waits for a load of
 * the same key in flight and then removes its result, so a load that read the database before a
 * change cannot leave its stale value behind. Nothing is ever reloaded in the background.
 */
public final class CachingOrganizationRepository implements OrganizationRepository, ChangeListener {

    /** Default bound on cached organizations. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Default longest time an organization is served from the cache without a fresh read. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private static final LongConsumer NOBODY = userId -> { };

    private final OrganizationRepository delegate;
    private final LongConsumer membershipsChanged;
    private final Cache<Long, Organization> cache;

    /** With the default size and time-to-live, telling nobody about the owners of new organizations. */
    public CachingOrganizationRepository(OrganizationRepository delegate) {
        this(delegate, NOBODY);
    }

    /**
     * With the default size and time-to-live.
     *
     * @param membershipsChanged told the id of each user whose memberships a write through this
     *                           repository changed (the owner of a new organization), typically
     *                           {@link CachingMembershipRepository#invalidateUser}, so that the
     *                           new membership counts from this node's very next request
     */
    public CachingOrganizationRepository(OrganizationRepository delegate, LongConsumer membershipsChanged) {
        this(delegate, membershipsChanged, DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL);
    }

    /**
     * @param maximumSize most organizations kept; beyond it the least valuable are evicted
     * @param ttl         longest an organization is served without a fresh read, should a change
     *                    ever fail to invalidate it
     */
    public CachingOrganizationRepository(OrganizationRepository delegate, LongConsumer membershipsChanged,
                                         long maximumSize, Duration ttl) {
        this(delegate, membershipsChanged, maximumSize, ttl, Ticker.systemTicker());
    }

    /** With a ticker that tests move. */
    CachingOrganizationRepository(OrganizationRepository delegate, LongConsumer membershipsChanged,
                                  long maximumSize, Duration ttl, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.membershipsChanged = Objects.requireNonNull(membershipsChanged, "membershipsChanged");
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public Optional<Organization> findById(long id) {
        // A null from the loader stores nothing: absence is read again next time.
        return Optional.ofNullable(cache.get(id, key -> delegate.findById(key).orElse(null)));
    }

    @Override
    public boolean insert(Organization organization, Membership owner) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(owner, "owner");
        try {
            return delegate.insert(organization, owner);
        } finally {
            // Also when the delegate failed: it may have stored before failing, and forgetting is cheap.
            cache.invalidate(organization.id());
            membershipsChanged.accept(owner.userId());
        }
    }

    /**
     * Updates through the delegate and forgets the organization, whatever the outcome: after a
     * {@link UpdateResult#CONFLICT} the cached value is the stale one the change was derived from,
     * and the use case's re-try must read the stored one.
     */
    @Override
    public UpdateResult update(Organization organization) {
        Objects.requireNonNull(organization, "organization");
        try {
            return delegate.update(organization);
        } finally {
            cache.invalidate(organization.id());
        }
    }

    /**
     * Removes through the delegate and forgets the organization. Memberships of other users on it
     * are left to the change feed: they name an organization that is no longer found, so they
     * cannot grant anything meanwhile.
     */
    @Override
    public void remove(long orgId) {
        try {
            delegate.remove(orgId);
        } finally {
            cache.invalidate(orgId);
        }
    }

    /** Not cached: an administrative query. */
    @Override
    public Page<Organization> list(OrgFilter filter, PageRequest page) {
        return delegate.list(filter, page);
    }

    @Override
    public void changed(Change change) {
        if (change.kind() == ChangeKind.ORG_CHANGED) {
            cache.invalidate(change.subjectId());
        }
    }

    /** Approximate number of cached organizations, for metrics. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Runs pending evictions now, so that tests can observe the size bound. */
    void cleanUp() {
        cache.cleanUp();
    }
}
