package dev.warden.application.fakes;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.token.PersonalAccessToken;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link PersonalAccessTokenRepository}: stored PATs in a map, counting look-ups. */
public final class InMemoryPersonalAccessTokenRepository implements PersonalAccessTokenRepository {

    private final ConcurrentMap<Long, PersonalAccessToken> byId = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<PersonalAccessToken> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byId.get(id));
    }

    /** Stores or replaces the token with that id. */
    public PersonalAccessToken save(PersonalAccessToken token) {
        byId.put(token.id(), token);
        return token;
    }

    /** Deletes the token, as revocation does; true when it existed. */
    public boolean remove(long id) {
        return byId.remove(id) != null;
    }

    public List<PersonalAccessToken> findByUser(long userId) {
        return byId.values().stream().filter(t -> t.userId() == userId).toList();
    }

    public List<PersonalAccessToken> all() {
        return List.copyOf(byId.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }
}
