package dev.warden.application.fakes;

import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Test double of {@link ProjectRepository}, with the cascades and change-feed entries of the real one. */
public final class InMemoryProjectRepository implements ProjectRepository {

    private final InMemoryDatabase db;

    public InMemoryProjectRepository(InMemoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Project> findById(long id) {
        return Optional.ofNullable(db.projects.get(id));
    }

    @Override
    public boolean insert(Project project) {
        synchronized (db) {
            if (nameTaken(project)) {
                return false;
            }
            if (!db.organizations.containsKey(project.orgId())) {
                throw new IllegalStateException("foreign key: no org " + project.orgId());
            }
            db.projects.put(project.id(), project);
            return true;
        }
    }

    @Override
    public UpdateResult update(Project project) {
        synchronized (db) {
            Project stored = db.projects.get(project.id());
            if (stored == null) {
                return UpdateResult.NOT_FOUND;
            }
            if (stored.sequence() != project.sequence() - 1) {
                return UpdateResult.CONFLICT;
            }
            if (nameTaken(project)) {
                return UpdateResult.DUPLICATE_NAME;
            }
            db.projects.put(project.id(), project);
            db.changes.record(ChangeKind.CLIENT_CHANGED, 0);
            return UpdateResult.UPDATED;
        }
    }

    @Override
    public boolean remove(long projectId) {
        synchronized (db) {
            if (!db.projects.containsKey(projectId)) {
                return false;
            }
            db.removeProjectRows(projectId);
            db.changes.record(ChangeKind.CLIENT_CHANGED, 0);
            db.changes.record(ChangeKind.GRANTS_CHANGED, 0);
            return true;
        }
    }

    @Override
    public Page<Project> search(long orgId, List<ProjectFilter> filters, PageRequest page) {
        Comparator<Project> byName = Comparator.comparing(Project::name).thenComparingLong(Project::id);
        return InMemoryDatabase.page(db.projects.values().stream()
                .filter(p -> p.orgId() == orgId && filters.stream().allMatch(f -> f.matches(p)))
                .sorted(page.ascending() ? byName : byName.reversed()).toList(), page);
    }

    private boolean nameTaken(Project project) {
        return db.projects.values().stream().anyMatch(p -> p.id() != project.id() && p.orgId() == project.orgId()
                && p.name().toLowerCase(Locale.ROOT).equals(project.name().toLowerCase(Locale.ROOT)));
    }

    public List<Project> all() {
        return List.copyOf(db.projects.values());
    }
}
