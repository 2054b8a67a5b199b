package dev.warden.application.port.out;

import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: user grants, one per (org, user, project), their role keys roles of the project.
 * Every change writes {@code GRANTS_CHANGED} with the user id in the same transaction. A grant goes
 * with its user, its project or its organization.
 */
public interface UserGrantRepository {

    Optional<UserGrant> findById(long id);

    /**
     * Stores a new grant; false, having stored nothing, when the org already grants the user that project.
     * A role key that is (no longer) a role of the project, or a user or project that is gone, fails like a foreign key.
     */
    boolean insert(UserGrant grant);

    UpdateResult update(UserGrant grant);

    boolean remove(long grantId);

    /** Removes all of these grants in one transaction, or none when some is missing; how many were found. */
    int removeAll(Collection<Long> grantIds);

    /** The organization's grants matching every filter, ordered by creation. */
    Page<UserGrant> search(long orgId, List<UserGrantFilter> filters, PageRequest page);
}
