package dev.warden.application.fakes;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.Organization;
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
 * Test double of {@link OrganizationRepository}: organizations with unique names (ignoring case, as
 * the database's collation does), removal cascading to users, tokens and memberships, conditional
 * updates ({@link UpdateResult}: the stored sequence must be the new one minus 1, checked before the
 * name) and the change feed written as the real repository writes it. {@link #interleave} simulates
 * a concurrent writer.
 */
public final class InMemoryOrganizationRepository implements OrganizationRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger lookups = new AtomicInteger();
    private final ConcurrentWrites concurrentWrites = new ConcurrentWrites();

    public InMemoryOrganizationRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryOrganizationRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public Optional<Organization> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(db.organizations.get(id));
    }

    @Override
    public boolean insert(Organization organization, Membership owner) {
        if (owner.scope() != MemberScope.ORG || owner.scopeId() != organization.id()) {
            throw new IllegalArgumentException("the owner's membership must be on the new organization");
        }
        synchronized (db) {
            if (!db.users.containsKey(owner.userId())) {
                throw new IllegalStateException("foreign key: no user " + owner.userId());
            }
            if (db.organizations.containsKey(organization.id()) || nameTaken(organization)) {
                return false;
            }
            db.organizations.put(organization.id(), organization);
            db.memberships.put(InMemoryDatabase.MembershipKey.of(owner), owner);
            db.changes.record(ChangeKind.MEMBERSHIP_CHANGED, owner.userId());
            return true;
        }
    }

    @Override
    public UpdateResult update(Organization organization) {
        synchronized (db) {
            concurrentWrites.beforeCheck();
            Organization stored = db.organizations.get(organization.id());
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != organization.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            if (nameTaken(organization)) {
                return UpdateResult.DUPLICATE_NAME;
            }
            db.organizations.put(organization.id(), organization);
            db.changes.record(ChangeKind.ORG_CHANGED, organization.id());
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public void remove(long orgId) {
        synchronized (db) {
            if (db.organizations.remove(orgId) == null) {
                return;
            }
            List<ServiceUser> members = db.users.values().stream().filter(u -> u.orgId() == orgId).toList();
            for (ServiceUser user : members) {
                db.users.remove(user.id());
                db.removeUserRows(user.id());
            }
            db.memberships.values().removeIf(m -> m.scope() == MemberScope.ORG && m.scopeId() == orgId);
            db.removeOrgProjectRows(orgId);
            db.changes.record(ChangeKind.ORG_CHANGED, orgId);
            members.forEach(user -> db.changes.record(ChangeKind.USER_CHANGED, user.id()));
        }
    }

    @Override
    public Page<Organization> list(OrgFilter filter, PageRequest page) {
        Comparator<Organization> byName = Comparator.comparing((Organization o) -> o.name().toLowerCase(Locale.ROOT))
                .thenComparingLong(Organization::id);
        List<Organization> sorted = db.organizations.values().stream()
                .filter(filter::matches)
                .sorted(page.ascending() ? byName : byName.reversed())
                .toList();
        return InMemoryDatabase.page(sorted, page);
    }

    /** Stores or replaces the organization with that id, bypassing every rule: for test set-up. */
    public Organization save(Organization organization) {
        db.organizations.put(organization.id(), organization);
        return organization;
    }

    /**
     * Makes another request write between a use case's read and each of the next {@code times}
     * updates (before their sequence check), so that they conflict; {@code Integer.MAX_VALUE}: every
     * update. {@code concurrentWrite} must store with {@code save(...)} a value with a higher sequence.
     */
    public void interleave(int times, Runnable concurrentWrite) {
        concurrentWrites.set(times, concurrentWrite);
    }

    public List<Organization> all() {
        return List.copyOf(db.organizations.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }

    private boolean nameTaken(Organization organization) {
        return db.organizations.values().stream()
                .anyMatch(o -> o.id() != organization.id() && o.name().equalsIgnoreCase(organization.name()));
    }
}
