package dev.warden.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.domain.change.Change;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Driven adapter: a {@link ProjectRoleGrants} that keeps each (user, project)'s roles in a bounded
 * Caffeine cache, for the role claims of introspection.
 *
 * <p>It forgets through the change follower: {@code GRANTS_CHANGED} and {@code USER_CHANGED} (a
 * removed user's grants go by cascade) drop that user's entries; {@code GRANTS_CHANGED} 0 (a role
 * or project went) and {@code ORG_CHANGED} (a renamed organization's domain is in the claims; a
 * removed one's grants go by cascade) drop everything.
 */
public final class CachingProjectRoleGrants implements ProjectRoleGrants, ChangeListener {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private record Key(long userId, long projectId) {
    }

    private final ProjectRoleGrants delegate;
    private final Cache<Key, List<RoleGrant>> cache;

    public CachingProjectRoleGrants(ProjectRoleGrants delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL);
    }

    public CachingProjectRoleGrants(ProjectRoleGrants delegate, long maximumSize, Duration ttl) {
        this(delegate, maximumSize, ttl, Ticker.systemTicker());
    }

    CachingProjectRoleGrants(ProjectRoleGrants delegate, long maximumSize, Duration ttl, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = CacheSettings.build(maximumSize, ttl, ticker);
    }

    @Override
    public List<RoleGrant> activeRoles(long userId, long projectId) {
        return cache.get(new Key(userId, projectId), k -> List.copyOf(delegate.activeRoles(k.userId(), k.projectId())));
    }

    @Override
    public void changed(Change change) {
        switch (change.kind()) {
            case GRANTS_CHANGED, USER_CHANGED -> {
                if (change.subjectId() == 0) {
                    cache.invalidateAll();
                } else {
                    long userId = change.subjectId();
                    cache.asMap().keySet().removeIf(key -> key.userId() == userId);
                }
            }
            case ORG_CHANGED -> cache.invalidateAll();
            default -> {
                // Clients, tokens, memberships and signing keys do not change anyone's roles.
            }
        }
    }

    /** Approximate number of cached answers, for metrics and tests. */
    public long estimatedSize() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
