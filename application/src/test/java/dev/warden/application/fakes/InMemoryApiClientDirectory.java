package dev.warden.application.fakes;

import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.AppState;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.project.ProjectState;
import dev.warden.domain.token.SecretHash;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of {@link ApiClientDirectory}, reading the in-memory tables as the real one reads the database. */
public final class InMemoryApiClientDirectory implements ApiClientDirectory {

    private final InMemoryDatabase db;
    private final AtomicInteger hashUpdates = new AtomicInteger();

    public InMemoryApiClientDirectory(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ApiClient> findByClientId(String clientId) {
        return db.apps.values().stream().filter(a -> a.clientId().equals(clientId)).findFirst().map(app -> {
            var project = db.projects.get(app.projectId());
            var org = db.organizations.get(app.orgId());
            boolean active = app.state() == AppState.ACTIVE && project != null
                    && project.state() == ProjectState.ACTIVE && org != null && org.state() == OrgState.ACTIVE;
            var keys = db.appKeys.values().stream().filter(k -> k.appId() == app.id())
                    .sorted(Comparator.comparing((dev.warden.domain.app.AppKey k) -> k.createdAt())
                            .thenComparingLong(k -> k.id()))
                    .map(k -> new ApiClientKey(k.id(), k.publicKeyPem(), k.expiresAt())).toList();
            return new ApiClient(app.id(), app.projectId(), app.orgId(), app.clientId(), active, app.secret(), keys);
        });
    }

    @Override
    public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
        synchronized (db) {
            hashUpdates.incrementAndGet();
            ApiApp app = db.apps.get(appId);
            if (app == null || !app.secret().equals(Optional.of(expected))) {
                return false;
            }
            db.apps.put(appId, new ApiApp(app.id(), app.projectId(), app.orgId(), app.name(), app.clientId(),
                    app.authMethod(), app.state(), Optional.of(replacement), app.sequence(), app.createdAt(),
                    app.changedAt()));
            return true;
        }
    }

    /** How many times {@link #updateSecretHash} was called, whether it stored or not. */
    public int hashUpdates() {
        return hashUpdates.get();
    }
}
