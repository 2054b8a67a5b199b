package dev.warden.application.fakes;

import dev.warden.application.fakes.InMemoryDatabase.MembershipKey;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of {@link MembershipRepository}: one membership per (user, scope, scope id), as in the
 * database; conditional updates ({@link UpdateResult}: the stored sequence must be the new one minus
 * 1); every change writes {@code MEMBERSHIP_CHANGED} for the user to the change feed.
 * {@link #interleave} simulates a concurrent writer.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger lookups = new AtomicInteger();
    private final ConcurrentWrites concurrentWrites = new ConcurrentWrites();

    public InMemoryMembershipRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryMembershipRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public List<Membership> findByUser(long userId) {
        lookups.incrementAndGet();
        return db.memberships.values().stream()
                .filter(m -> m.userId() == userId)
                .sorted(Comparator.comparing(Membership::scope).thenComparingLong(Membership::scopeId))
                .toList();
    }

    @Override
    public Optional<Membership> find(long userId, MemberScope scope, long scopeId) {
        return Optional.ofNullable(db.memberships.get(new MembershipKey(userId, scope, scopeId)));
    }

    /** False when the user is already a member there; throws, like a foreign key, for an unknown user. */
    @Override
    public boolean insert(Membership membership) {
        synchronized (db) {
            if (!db.users.containsKey(membership.userId())) {
                throw new IllegalStateException("foreign key: no user " + membership.userId());
            }
            if (db.memberships.putIfAbsent(MembershipKey.of(membership), membership) != null) {
                return false;
            }
            db.changes.record(ChangeKind.MEMBERSHIP_CHANGED, membership.userId());
            return true;
        }
    }

    /** Replaces an existing membership of the expected sequence; a missing one is left missing. */
    @Override
    public UpdateResult update(Membership membership) {
        synchronized (db) {
            concurrentWrites.beforeCheck();
            MembershipKey key = MembershipKey.of(membership);
            Membership stored = db.memberships.get(key);
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != membership.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            db.memberships.put(key, membership);
            db.changes.record(ChangeKind.MEMBERSHIP_CHANGED, membership.userId());
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public boolean remove(long userId, MemberScope scope, long scopeId) {
        synchronized (db) {
            if (db.memberships.remove(new MembershipKey(userId, scope, scopeId)) == null) {
                return false;
            }
            db.changes.record(ChangeKind.MEMBERSHIP_CHANGED, userId);
            return true;
        }
    }

    @Override
    public Page<Member> search(MemberScope scope, long scopeId, MemberFilter filter, PageRequest page) {
        Comparator<Member> byUserName = Comparator.comparing((Member m) -> m.user().userName().toLowerCase(Locale.ROOT))
                .thenComparingLong(m -> m.user().id());
        List<Member> sorted = db.memberships.values().stream()
                .filter(m -> m.scope() == scope && m.scopeId() == scopeId)
                .flatMap(m -> {
                    ServiceUser user = db.users.get(m.userId());
                    return user == null ? java.util.stream.Stream.<Member>empty()
                            : java.util.stream.Stream.of(new Member(m, user));
                })
                .filter(filter::matches)
                .sorted(page.ascending() ? byUserName : byUserName.reversed())
                .toList();
        return InMemoryDatabase.page(sorted, page);
    }

    /** Stores the membership, replacing the user's earlier one on the same scope, bypassing every rule: for test set-up. */
    public Membership save(Membership membership) {
        db.memberships.put(MembershipKey.of(membership), membership);
        return membership;
    }

    /**
     * Makes another request write between a use case's read and each of the next {@code times}
     * updates (before their sequence check), so that they conflict; {@code Integer.MAX_VALUE}: every
     * update. {@code concurrentWrite} must store with {@code save(...)} a value with a higher sequence.
     */
    public void interleave(int times, Runnable concurrentWrite) {
        concurrentWrites.set(times, concurrentWrite);
    }

    public List<Membership> all() {
        return List.copyOf(db.memberships.values());
    }

    /** How many times {@link #findByUser} was called. */
    public int lookups() {
        return lookups.get();
    }
}
