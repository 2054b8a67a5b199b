package dev.warden.application.fakes;

import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link ServiceUserRepository}: service users in a map, counting look-ups. */
public final class InMemoryServiceUserRepository implements ServiceUserRepository {

    private final ConcurrentMap<Long, ServiceUser> byId = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<ServiceUser> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byId.get(id));
    }

    /** Stores or replaces the user with that id. */
    public ServiceUser save(ServiceUser user) {
        byId.put(user.id(), user);
        return user;
    }

    public void remove(long id) {
        byId.remove(id);
    }

    public List<ServiceUser> all() {
        return List.copyOf(byId.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }
}
