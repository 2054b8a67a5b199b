package dev.warden.application.fakes;

import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Test double of {@link ApiAppRepository}: names unique per project, {@code CLIENT_CHANGED} on every change. */
public final class InMemoryApiAppRepository implements ApiAppRepository {

    private final InMemoryDatabase db;

    public InMemoryApiAppRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ApiApp> findById(long id) {
        return Optional.ofNullable(db.apps.get(id));
    }

    @Override
    public boolean insert(ApiApp app) {
        synchronized (db) {
            if (nameTaken(app)) {
                return false;
            }
            if (!db.projects.containsKey(app.projectId())) {
                throw new IllegalStateException("foreign key: no project " + app.projectId());
            }
            db.apps.put(app.id(), app);
            db.changes.record(ChangeKind.CLIENT_CHANGED, app.id());
            return true;
        }
    }

    @Override
    public UpdateResult update(ApiApp app) {
        synchronized (db) {
            ApiApp stored = db.apps.get(app.id());
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != app.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            if (nameTaken(app)) {
                return UpdateResult.DUPLICATE_NAME;
            }
            db.apps.put(app.id(), app);
            db.changes.record(ChangeKind.CLIENT_CHANGED, app.id());
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public boolean remove(long appId) {
        synchronized (db) {
            if (db.apps.remove(appId) == null) {
                return false;
            }
            db.appKeys.values().removeIf(k -> k.appId() == appId);
            db.changes.record(ChangeKind.CLIENT_CHANGED, appId);
            return true;
        }
    }

    @Override
    public Page<ApiApp> search(long projectId, List<AppFilter> filters, PageRequest page) {
        Comparator<ApiApp> byName = Comparator.comparing(ApiApp::name).thenComparingLong(ApiApp::id);
        return InMemoryDatabase.page(db.apps.values().stream()
                .filter(a -> a.projectId() == projectId && filters.stream().allMatch(f -> f.matches(a)))
                .sorted(page.ascending() ? byName : byName.reversed()).toList(), page);
    }

    private boolean nameTaken(ApiApp app) {
        return db.apps.values().stream().anyMatch(a -> a.id() != app.id() && a.projectId() == app.projectId()
                && a.name().toLowerCase(Locale.ROOT).equals(app.name().toLowerCase(Locale.ROOT)));
    }

    public List<ApiApp> all() {
        return List.copyOf(db.apps.values());
    }
}
