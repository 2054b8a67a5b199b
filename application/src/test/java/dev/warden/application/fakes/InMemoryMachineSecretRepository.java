package dev.warden.application.fakes;

import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.token.SecretHash;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Test double of {@link MachineSecretRepository}: at most one secret per existing user, replaced
 * by each save, removed with its user, and the change feed written as the real repository writes it.
 */
public final class InMemoryMachineSecretRepository implements MachineSecretRepository {

    private final InMemoryDatabase db;
    private final AtomicInteger hashUpdates = new AtomicInteger();

    public InMemoryMachineSecretRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryMachineSecretRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public Optional<MachineSecret> find(long userId) {
        return Optional.ofNullable(db.secrets.get(userId));
    }

    @Override
    public boolean save(MachineSecret secret) {
        Objects.requireNonNull(secret, "secret");
        synchronized (db) {
            if (!db.users.containsKey(secret.userId())) {
                return false;
            }
            db.secrets.put(secret.userId(), secret);
            db.changes.record(ChangeKind.USER_CHANGED, secret.userId());
            return true;
        }
    }

    @Override
    public boolean remove(long userId) {
        synchronized (db) {
            if (db.secrets.remove(userId) == null) {
                return false;
            }
            db.changes.record(ChangeKind.USER_CHANGED, userId);
            return true;
        }
    }

    @Override
    public boolean updateSecretHash(long userId, SecretHash expected, SecretHash replacement) {
        synchronized (db) {
            hashUpdates.incrementAndGet();
            MachineSecret secret = db.secrets.get(userId);
            if (secret == null || !secret.hash().equals(expected)) {
                return false;
            }
            db.secrets.put(userId, new MachineSecret(userId, replacement, secret.sequence(), secret.createdAt(),
                    secret.changedAt()));
            return true;
        }
    }

    /** How many times {@link #updateSecretHash} was called, whether it stored or not. */
    public int hashUpdates() {
        return hashUpdates.get();
    }

    @Override
    public Set<Long> usersWithSecret(Collection<Long> userIds) {
        return userIds.stream().filter(db.secrets::containsKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Stores or replaces the secret, bypassing every rule: for test set-up. */
    public MachineSecret put(MachineSecret secret) {
        db.secrets.put(secret.userId(), secret);
        return secret;
    }

    public List<MachineSecret> all() {
        return List.copyOf(db.secrets.values());
    }
}
