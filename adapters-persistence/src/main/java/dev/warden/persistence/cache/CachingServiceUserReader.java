package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: a read-mostly {@link ServiceUserRepository} whose {@link #findById} is cached,
 * for the claims that introspection adds (user name, display name). Every user change on any node
 * records {@code USER_CHANGED}, which the change follower hands to {@link #changed}; writes through
 * this instance forget the user at once. Absence is not cached; the time-to-live is a safety net.
 * Management use cases keep the uncached repository: their optimistic updates must read the
 * stored row.
 */
public final class CachingServiceUserReader implements ServiceUserRepository, ChangeListener {

    private final ServiceUserRepository delegate;
    private final Cache<Long, ServiceUser> cache;

    public CachingServiceUserReader(ServiceUserRepository delegate, long maximumSize, Duration ttl) {
        this(delegate, maximumSize, ttl, Ticker.systemTicker());
    }

    CachingServiceUserReader(ServiceUserRepository delegate, long maximumSize, Duration ttl, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public Optional<ServiceUser> findById(long id) {
        return Optional.ofNullable(cache.get(id, key -> delegate.findById(key).orElse(null)));
    }

    @Override
    public Optional<ServiceUser> findByUserName(String userName) {
        return delegate.findByUserName(userName);
    }

    @Override
    public boolean insert(ServiceUser user) {
        try {
            return delegate.insert(user);
        } finally {
            cache.invalidate(user.id());
        }
    }

    @Override
    public UpdateResult update(ServiceUser user) {
        try {
            return delegate.update(user);
        } finally {
            cache.invalidate(user.id());
        }
    }

    @Override
    public void remove(long userId) {
        try {
            delegate.remove(userId);
        } finally {
            cache.invalidate(userId);
        }
    }

    @Override
    public Page<ServiceUser> search(long orgId, UserFilter filter, UserSort sort, PageRequest page) {
        return delegate.search(orgId, filter, sort, page);
    }

    @Override
    public void changed(Change change) {
        if (change.kind() == ChangeKind.USER_CHANGED) {
            cache.invalidate(change.subjectId());
        } else if (change.kind() == ChangeKind.ORG_CHANGED) {
            // Removing an organization removes its users without a row per user.
            cache.invalidateAll();
        }
    }
}
