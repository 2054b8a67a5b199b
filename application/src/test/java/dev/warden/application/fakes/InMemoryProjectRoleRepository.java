package dev.warden.application.fakes;

import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.RoleFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Test double of {@link ProjectRoleRepository}: a removed role leaves every grant, as the foreign key does. */
public final class InMemoryProjectRoleRepository implements ProjectRoleRepository {

    private final InMemoryDatabase db;

    public InMemoryProjectRoleRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ProjectRole> find(long projectId, String key) {
        return Optional.ofNullable(db.roles.getOrDefault(projectId, Map.of()).get(key));
    }

    @Override
    public boolean insertAll(List<ProjectRole> roles) {
        synchronized (db) {
            Set<String> keys = new HashSet<>();
            for (ProjectRole role : roles) {
                if (!db.projects.containsKey(role.projectId()) || find(role.projectId(), role.key()).isPresent()
                        || !keys.add(role.projectId() + "/" + role.key())) {
                    return false;
                }
            }
            roles.forEach(r -> db.roles.computeIfAbsent(r.projectId(), p -> new LinkedHashMap<>()).put(r.key(), r));
            return true;
        }
    }

    @Override
    public UpdateResult update(ProjectRole role) {
        synchronized (db) {
            Optional<ProjectRole> stored = find(role.projectId(), role.key());
            if (stored.isEmpty()) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.get().sequence() != role.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            db.roles.get(role.projectId()).put(role.key(), role);
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public boolean remove(long projectId, String key) {
        synchronized (db) {
            Map<String, ProjectRole> roles = db.roles.get(projectId);
            if (roles == null || roles.remove(key) == null) {
                return false;
            }
            for (UserGrant grant : List.copyOf(db.grants.values())) {
                if (grant.projectId() == projectId && grant.roleKeys().contains(key)) {
                    db.grants.put(grant.id(), new UserGrant(grant.id(), grant.orgId(), grant.userId(),
                            grant.projectId(), grant.roleKeys().stream().filter(k -> !k.equals(key)).toList(),
                            grant.state(), grant.sequence(), grant.createdAt(), grant.changedAt()));
                }
            }
            db.changes.record(ChangeKind.GRANTS_CHANGED, 0);
            return true;
        }
    }

    @Override
    public Page<ProjectRole> search(long projectId, List<RoleFilter> filters, PageRequest page) {
        Comparator<ProjectRole> byKey = Comparator.comparing(ProjectRole::key);
        return InMemoryDatabase.page(db.roles.getOrDefault(projectId, Map.of()).values().stream()
                .filter(r -> filters.stream().allMatch(f -> f.matches(r)))
                .sorted(page.ascending() ? byKey : byKey.reversed()).toList(), page);
    }

    @Override
    public Set<String> existingKeys(long projectId, Collection<String> keys) {
        Map<String, ProjectRole> roles = db.roles.getOrDefault(projectId, Map.of());
        return keys.stream().filter(roles::containsKey).collect(Collectors.toSet());
    }
}
