package dev.warden.application.fakes;

import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.oauth.AccessToken;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of {@link AccessTokenRepository}: rows that need their user and machine key, go with
 * them, and write {@code CREDENTIAL_REVOKED} when revoked, as the real repository does.
 */
public final class InMemoryAccessTokenRepository implements AccessTokenRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger lookups = new AtomicInteger();

    public InMemoryAccessTokenRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(AccessToken token) {
        synchronized (db) {
            if (db.accessTokens.containsKey(token.id())) {
                throw new IllegalStateException("duplicate access token id " + token.id());
            }
            if (!db.users.containsKey(token.userId())
                    || token.machineKeyId().filter(k -> !db.machineKeys.containsKey(k)).isPresent()) {
                throw new IllegalStateException("foreign key: no user or machine key of " + token);
            }
            db.accessTokens.put(token.id(), token);
        }
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(db.accessTokens.get(id));
    }

    @Override
    public boolean revoke(long id) {
        synchronized (db) {
            if (db.accessTokens.remove(id) == null) {
                return false;
            }
            db.changes.record(ChangeKind.CREDENTIAL_REVOKED, id);
            return true;
        }
    }

    @Override
    public long purgeExpired(Instant now) {
        synchronized (db) {
            List<Long> expired = db.accessTokens.values().stream().filter(t -> t.isExpiredAt(now))
                    .map(AccessToken::id).toList();
            expired.forEach(db.accessTokens::remove);
            return expired.size();
        }
    }

    public List<AccessToken> all() {
        return List.copyOf(db.accessTokens.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }
}
