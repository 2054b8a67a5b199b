package dev.warden.application.port.out;

import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.RoleFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Driven port: the roles of projects, keys unique per project. Removing a role also removes its key
 * from every user grant, writing {@code GRANTS_CHANGED} 0 in the same transaction.
 */
public interface ProjectRoleRepository {

    Optional<ProjectRole> find(long projectId, String key);

    /** Stores all roles or none; false when a key exists already (or repeats) or the project is gone. */
    boolean insertAll(List<ProjectRole> roles);

    /** Stores a role's new display name and group if its stored sequence is {@code role.sequence() - 1}. */
    UpdateResult update(ProjectRole role);

    /** Removes the role and its key from every grant; false when unknown. */
    boolean remove(long projectId, String key);

    /** The project's roles matching every filter, ordered by key. */
    Page<ProjectRole> search(long projectId, List<RoleFilter> filters, PageRequest page);

    /** Those of {@code keys} that are roles of the project. */
    Set<String> existingKeys(long projectId, Collection<String> keys);
}
