package dev.warden.application.fakes;

import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Test double of {@link MachineKeyRepository}: stored machine keys, writing the change feed on removal. */
public final class InMemoryMachineKeyRepository implements MachineKeyRepository {

    private final InMemoryDatabase db;

    public InMemoryMachineKeyRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A stand-alone repository on a database of its own. */
    public InMemoryMachineKeyRepository() {
        this(new InMemoryDatabase());
    }

    @Override
    public Optional<MachineKey> findById(long id) {
        return Optional.ofNullable(db.machineKeys.get(id));
    }

    /** Stores a new key; like a primary-key or foreign-key violation, a taken id or unknown user throws. */
    @Override
    public void insert(MachineKey key) {
        synchronized (db) {
            if (db.machineKeys.containsKey(key.id())) {
                throw new IllegalStateException("duplicate machine key id " + key.id());
            }
            if (!db.users.containsKey(key.userId())) {
                throw new IllegalStateException("foreign key: no user " + key.userId());
            }
            db.machineKeys.put(key.id(), key);
        }
    }

    @Override
    public boolean remove(long keyId) {
        synchronized (db) {
            MachineKey removed = db.machineKeys.remove(keyId);
            if (removed == null) {
                return false;
            }
            // The access tokens obtained with the key go with it (a cascading foreign key).
            db.accessTokens.values().removeIf(t -> t.machineKeyId().equals(java.util.Optional.of(keyId)));
            db.changes.record(ChangeKind.CREDENTIAL_REVOKED, keyId);
            db.changes.record(ChangeKind.USER_CHANGED, removed.userId());
            return true;
        }
    }

    @Override
    public Page<MachineKey> findByUser(long userId, PageRequest page) {
        Comparator<MachineKey> byCreation = Comparator.comparing(MachineKey::createdAt)
                .thenComparingLong(MachineKey::id);
        List<MachineKey> sorted = db.machineKeys.values().stream()
                .filter(k -> k.userId() == userId)
                .sorted(page.ascending() ? byCreation : byCreation.reversed())
                .toList();
        return InMemoryDatabase.page(sorted, page);
    }

    /** Stores or replaces the key with that id, bypassing every rule: for test set-up. */
    public MachineKey save(MachineKey key) {
        db.machineKeys.put(key.id(), key);
        return key;
    }

    public List<MachineKey> all() {
        return List.copyOf(db.machineKeys.values());
    }
}
