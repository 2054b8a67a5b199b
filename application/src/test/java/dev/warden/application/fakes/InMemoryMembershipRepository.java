package dev.warden.application.fakes;

import dev.warden.application.port.out.MembershipRepository;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link MembershipRepository}: one membership per (user, scope, scope id), as in the database. */
public final class InMemoryMembershipRepository implements MembershipRepository {

    private record Key(long userId, MemberScope scope, long scopeId) {
    }

    private final ConcurrentMap<Key, Membership> memberships = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public List<Membership> findByUser(long userId) {
        lookups.incrementAndGet();
        return memberships.values().stream()
                .filter(m -> m.userId() == userId)
                .sorted(Comparator.comparing(Membership::scope).thenComparingLong(Membership::scopeId))
                .toList();
    }

    /** Stores the membership, replacing the user's earlier one on the same scope. */
    public Membership save(Membership membership) {
        memberships.put(key(membership), membership);
        return membership;
    }

    /** Removes the user's membership on that scope; true when it existed. */
    public boolean remove(long userId, MemberScope scope, long scopeId) {
        return memberships.remove(new Key(userId, scope, scopeId)) != null;
    }

    public List<Membership> all() {
        return List.copyOf(memberships.values());
    }

    /** How many times {@link #findByUser} was called. */
    public int lookups() {
        return lookups.get();
    }

    private static Key key(Membership membership) {
        return new Key(membership.userId(), membership.scope(), membership.scopeId());
    }
}
