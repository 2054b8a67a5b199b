package dev.warden.application.fakes;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.org.Organization;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link OrganizationRepository}: organizations in a map, counting look-ups. */
public final class InMemoryOrganizationRepository implements OrganizationRepository {

    private final ConcurrentMap<Long, Organization> byId = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<Organization> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byId.get(id));
    }

    /** Stores or replaces the organization with that id. */
    public Organization save(Organization organization) {
        byId.put(organization.id(), organization);
        return organization;
    }

    public void remove(long id) {
        byId.remove(id);
    }

    public List<Organization> all() {
        return List.copyOf(byId.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }
}
