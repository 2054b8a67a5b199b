package dev.warden.application.port.out;

import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.List;
import java.util.Optional;

/**
 * Driven port: stored projects, names unique per organization. A change of a project's state writes
 * {@code CLIENT_CHANGED} 0 (its apps' introspection answers change); a removal also takes its roles,
 * apps, keys and grants, writing {@code CLIENT_CHANGED} 0 and {@code GRANTS_CHANGED} 0, all in one transaction.
 */
public interface ProjectRepository {

    Optional<Project> findById(long id);

    /** Stores a new project; false, having stored nothing, when its organization has a project of that name. */
    boolean insert(Project project);

    /** Stores a changed project if the stored one still has sequence {@code project.sequence() - 1}. */
    UpdateResult update(Project project);

    /** Removes the project with everything it owns; false when unknown. */
    boolean remove(long projectId);

    /** The organization's projects matching every filter, ordered by name (direction from the page request). */
    Page<Project> search(long orgId, List<ProjectFilter> filters, PageRequest page);
}
