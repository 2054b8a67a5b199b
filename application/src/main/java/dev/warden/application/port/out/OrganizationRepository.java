package dev.warden.application.port.out;

import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.Organization;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Optional;

/**
 * Driven port: stored organizations. Every change also writes the change feed in the same
 * transaction ({@code ORG_CHANGED}), so other nodes' caches follow.
 */
public interface OrganizationRepository {

    Optional<Organization> findById(long id);

    /** Stores a new organization and its first owner together; false (nothing stored) when the name is taken. */
    boolean insert(Organization organization, Membership owner);

    /**
     * Stores a changed organization if the stored one still has the sequence the change was derived
     * from ({@code organization.sequence() - 1}); see {@link UpdateResult}. A conflict is checked
     * before the name: a stale rename reports {@link UpdateResult#CONFLICT}, even to a taken name.
     */
    UpdateResult update(Organization organization);

    /**
     * Removes the organization with everything it owns: its users with their tokens, machine keys
     * and memberships, and all memberships on it. All or nothing.
     */
    void remove(long orgId);

    /** Organizations matching the filter, ordered by name (direction from the page request). */
    Page<Organization> list(OrgFilter filter, PageRequest page);
}
