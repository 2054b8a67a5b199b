package dev.warden.application.fakes;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link PersonalAccessTokenRepository}: stored PATs, counting look-ups, writing the change feed. */
public final class InMemoryPersonalAccessTokenRepository implements PersonalAccessTokenRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger hashUpdates = new AtomicInteger();

    public InMemoryPersonalAccessTokenRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryPersonalAccessTokenRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public Optional<PersonalAccessToken> findById(long id) {
        lookups.incrementAndGet();
        return Optional.ofNullable(db.tokens.get(id));
    }

    /** Stores a new token; like a primary-key or foreign-key violation, a taken id or unknown user throws. */
    @Override
    public void insert(PersonalAccessToken token) {
        synchronized (db) {
            if (db.tokens.containsKey(token.id())) {
                throw new IllegalStateException("duplicate token id " + token.id());
            }
            if (!db.users.containsKey(token.userId())) {
                throw new IllegalStateException("foreign key: no user " + token.userId());
            }
            db.tokens.put(token.id(), token);
        }
    }

    @Override
    public boolean remove(long tokenId) {
        synchronized (db) {
            if (db.tokens.remove(tokenId) == null) {
                return false;
            }
            db.changes.record(ChangeKind.CREDENTIAL_REVOKED, tokenId);
            return true;
        }
    }

    @Override
    public Page<PersonalAccessToken> findByUser(long userId, PageRequest page) {
        Comparator<PersonalAccessToken> byCreation = Comparator.comparing(PersonalAccessToken::createdAt)
                .thenComparingLong(PersonalAccessToken::id);
        List<PersonalAccessToken> sorted = db.tokens.values().stream()
                .filter(t -> t.userId() == userId)
                .sorted(page.ascending() ? byCreation : byCreation.reversed())
                .toList();
        return InMemoryDatabase.page(sorted, page);
    }

    @Override
    public boolean updateSecretHash(long tokenId, SecretHash expected, SecretHash replacement) {
        synchronized (db) {
            hashUpdates.incrementAndGet();
            PersonalAccessToken token = db.tokens.get(tokenId);
            if (token == null || !token.secretHash().equals(expected)) {
                return false;
            }
            db.tokens.put(tokenId, new PersonalAccessToken(token.id(), token.userId(), token.orgId(), replacement,
                    token.expiresAt(), token.sequence(), token.createdAt(), token.changedAt(), token.lastUsedAt()));
            return true;
        }
    }

    /** How many times {@link #updateSecretHash} was called, whether it stored or not. */
    public int hashUpdates() {
        return hashUpdates.get();
    }

    @Override
    public void recordLastUsed(Map<Long, Instant> lastUsedByTokenId) {
        synchronized (db) {
            lastUsedByTokenId.forEach((id, at) -> db.tokens.computeIfPresent(id, (key, token) ->
                    token.lastUsedAt() != null && !at.isAfter(token.lastUsedAt()) ? token : withLastUsed(token, at)));
        }
    }

    /** Stores or replaces the token with that id, bypassing every rule: for test set-up. */
    public PersonalAccessToken save(PersonalAccessToken token) {
        db.tokens.put(token.id(), token);
        return token;
    }

    /** Every token of the user, in no particular order. */
    public List<PersonalAccessToken> findByUser(long userId) {
        return db.tokens.values().stream().filter(t -> t.userId() == userId).toList();
    }

    public List<PersonalAccessToken> all() {
        return List.copyOf(db.tokens.values());
    }

    /** How many times {@link #findById} was called. */
    public int lookups() {
        return lookups.get();
    }

    private static PersonalAccessToken withLastUsed(PersonalAccessToken token, Instant at) {
        return new PersonalAccessToken(token.id(), token.userId(), token.orgId(), token.secretHash(),
                token.expiresAt(), token.sequence(), token.createdAt(), token.changedAt(), at);
    }
}
