package dev.warden.application.fakes;

import dev.warden.application.port.out.UpdateResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.project.Project;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Test double of {@link UserGrantRepository}: one grant per (org, user, project), {@code GRANTS_CHANGED} per user. */
public final class InMemoryUserGrantRepository implements UserGrantRepository {

    private final InMemoryDatabase db;

    public InMemoryUserGrantRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<UserGrant> findById(long id) {
        return Optional.ofNullable(db.grants.get(id));
    }

    @Override
    public boolean insert(UserGrant grant) {
        synchronized (db) {
            if (db.grants.values().stream().anyMatch(g -> g.orgId() == grant.orgId() && g.userId() == grant.userId()
                    && g.projectId() == grant.projectId())) {
                return false;
            }
            checkForeignKeys(grant);
            db.grants.put(grant.id(), grant);
            db.changes.record(ChangeKind.GRANTS_CHANGED, grant.userId());
            return true;
        }
    }

    @Override
    public UpdateResult update(UserGrant grant) {
        synchronized (db) {
            UserGrant stored = db.grants.get(grant.id());
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != grant.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            checkForeignKeys(grant);
            db.grants.put(grant.id(), grant);
            db.changes.record(ChangeKind.GRANTS_CHANGED, grant.userId());
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public boolean remove(long grantId) {
        return removeAll(List.of(grantId)) == 1;
    }

    @Override
    public int removeAll(Collection<Long> grantIds) {
        synchronized (db) {
            List<UserGrant> found = grantIds.stream().distinct().map(db.grants::get).filter(Objects::nonNull).toList();
            if (found.size() != grantIds.stream().distinct().count()) {
                return found.size();
            }
            found.forEach(g -> db.grants.remove(g.id()));
            found.stream().map(UserGrant::userId).distinct()
                    .forEach(userId -> db.changes.record(ChangeKind.GRANTS_CHANGED, userId));
            return found.size();
        }
    }

    @Override
    public Page<UserGrant> search(long orgId, List<UserGrantFilter> filters, PageRequest page) {
        Comparator<UserGrant> byCreation = Comparator.comparing(UserGrant::createdAt).thenComparingLong(UserGrant::id);
        return InMemoryDatabase.page(db.grants.values().stream()
                .filter(g -> g.orgId() == orgId && filters.stream().allMatch(f -> matches(f, g)))
                .sorted(page.ascending() ? byCreation : byCreation.reversed()).toList(), page);
    }

    private boolean matches(UserGrantFilter filter, UserGrant grant) {
        return switch (filter) {
            case UserGrantFilter.UserId q -> grant.userId() == q.userId();
            case UserGrantFilter.ProjectId q -> grant.projectId() == q.projectId();
            case UserGrantFilter.RoleKey q -> grant.roleKeys().stream().anyMatch(k -> q.match().matches(k, q.text()));
            case UserGrantFilter.UserName q -> Optional.ofNullable(db.users.get(grant.userId()))
                    .map(ServiceUser::userName).filter(n -> q.match().matches(n, q.text())).isPresent();
            case UserGrantFilter.ProjectName q -> Optional.ofNullable(db.projects.get(grant.projectId()))
                    .map(Project::name).filter(n -> q.match().matches(n, q.text())).isPresent();
            case UserGrantFilter.Nothing q -> false;
        };
    }

    private void checkForeignKeys(UserGrant grant) {
        if (!db.users.containsKey(grant.userId()) || !db.projects.containsKey(grant.projectId())) {
            throw new IllegalStateException("foreign key: no user or project");
        }
        var roles = db.roles.getOrDefault(grant.projectId(), Map.of());
        if (!roles.keySet().containsAll(grant.roleKeys())) {
            throw new IllegalStateException("foreign key: no such role");
        }
    }

    public List<UserGrant> all() {
        return List.copyOf(db.grants.values());
    }
}
