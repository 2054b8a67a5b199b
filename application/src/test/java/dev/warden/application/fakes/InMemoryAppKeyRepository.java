package dev.warden.application.fakes;

import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Test double of {@link AppKeyRepository}: {@code CLIENT_CHANGED} with the app id on every change. */
public final class InMemoryAppKeyRepository implements AppKeyRepository {

    private final InMemoryDatabase db;

    public InMemoryAppKeyRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<AppKey> findById(long id) {
        return Optional.ofNullable(db.appKeys.get(id));
    }

    @Override
    public boolean insert(AppKey key) {
        synchronized (db) {
            if (!db.apps.containsKey(key.appId())) {
                return false;
            }
            db.appKeys.put(key.id(), key);
            db.changes.record(ChangeKind.CLIENT_CHANGED, key.appId());
            return true;
        }
    }

    @Override
    public boolean remove(long keyId) {
        synchronized (db) {
            AppKey removed = db.appKeys.remove(keyId);
            if (removed == null) {
                return false;
            }
            db.changes.record(ChangeKind.CLIENT_CHANGED, removed.appId());
            return true;
        }
    }

    @Override
    public Page<AppKey> findByApp(long appId, PageRequest page) {
        Comparator<AppKey> byCreation = Comparator.comparing(AppKey::createdAt).thenComparingLong(AppKey::id);
        return InMemoryDatabase.page(db.appKeys.values().stream().filter(k -> k.appId() == appId)
                .sorted(page.ascending() ? byCreation : byCreation.reversed()).toList(), page);
    }

    public List<AppKey> all() {
        return List.copyOf(db.appKeys.values());
    }
}
