package dev.warden.application.fakes;

import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of {@link ServiceUserRepository}: user names unique across the instance ignoring
 * case, removal cascading to tokens and memberships, conditional updates ({@link UpdateResult}: the
 * stored sequence must be the new one minus 1, checked before the user name) and the change feed
 * written as the real repository writes it. {@link #interleave} simulates a concurrent writer.
 */
public final class InMemoryServiceUserRepository implements ServiceUserRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger lookups = new AtomicInteger();
    private final ConcurrentWrites concurrentWrites = new ConcurrentWrites();

    public InMemoryServiceUserRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryServiceUserRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public Optional<ServiceUser> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(db.users.get(id));
    }

    @Override
    public Optional<ServiceUser> findByUserName(String userName) {
        lookups.incrementAndGet();
        return db.users.values().stream().filter(u -> u.userName().equalsIgnoreCase(userName)).findFirst();
    }

    @Override
    public boolean insert(ServiceUser user) {
        synchronized (db) {
            if (db.users.containsKey(user.id()) || userNameTaken(user)) {
                return false;
            }
            db.users.put(user.id(), user);
            return true;
        }
    }

    @Override
    public UpdateResult update(ServiceUser user) {
        synchronized (db) {
            concurrentWrites.beforeCheck();
            ServiceUser stored = db.users.get(user.id());
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != user.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            if (userNameTaken(user)) {
                return UpdateResult.DUPLICATE_NAME;
            }
            db.users.put(user.id(), user);
            db.changes.record(ChangeKind.USER_CHANGED, user.id());
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public void remove(long userId) {
        synchronized (db) {
            if (db.users.remove(userId) == null) {
                return;
            }
            db.removeUserRows(userId);
            db.changes.record(ChangeKind.USER_CHANGED, userId);
        }
    }

    @Override
    public Page<ServiceUser> search(long orgId, UserFilter filter, UserSort sort, PageRequest page) {
        Comparator<ServiceUser> order = comparator(sort).thenComparingLong(ServiceUser::id);
        List<ServiceUser> sorted = db.users.values().stream()
                .filter(u -> u.orgId() == orgId)
                .filter(filter::matches)
                .sorted(page.ascending() ? order : order.reversed())
                .toList();
        return InMemoryDatabase.page(sorted, page);
    }

    /** Stores or replaces the user with that id, bypassing every rule: for test set-up. */
    public ServiceUser save(ServiceUser user) {
        db.users.put(user.id(), user);
        return user;
    }

    /**
     * Makes another request write between a use case's read and each of the next {@code times}
     * updates (before their sequence check), so that they conflict; {@code Integer.MAX_VALUE}: every
     * update. {@code concurrentWrite} must store with {@code save(...)} a value with a higher sequence.
     */
    public void interleave(int times, Runnable concurrentWrite) {
        concurrentWrites.set(times, concurrentWrite);
    }

    public List<ServiceUser> all() {
        return List.copyOf(db.users.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }

    private boolean userNameTaken(ServiceUser user) {
        return db.users.values().stream()
                .anyMatch(u -> u.id() != user.id() && u.userName().equalsIgnoreCase(user.userName()));
    }

    // Text columns compare ignoring case and the state is stored by name, as in the database.
    private static Comparator<ServiceUser> comparator(UserSort sort) {
        return switch (sort) {
            case ID -> Comparator.comparingLong(ServiceUser::id);
            case USER_NAME -> Comparator.comparing(u -> u.userName().toLowerCase(Locale.ROOT));
            case DISPLAY_NAME -> Comparator.comparing(u -> u.displayName().toLowerCase(Locale.ROOT));
            case STATE -> Comparator.comparing(u -> u.state().name());
            case CREATION_DATE -> Comparator.comparing(ServiceUser::createdAt);
        };
    }
}
