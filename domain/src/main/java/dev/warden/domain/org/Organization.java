package dev.warden.domain.org;

import java.time.Instant;
import java.util.Objects;

/** An organization: the resource owner of service users, tokens and memberships. */
public record Organization(long id, String name, String primaryDomain, OrgState state,
                           long sequence, Instant createdAt, Instant changedAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Organization {
        if (id <= 0) {
            throw new IllegalArgumentException("organization id must be positive");
        }
        name = OrgName.validate(name);
        Objects.requireNonNull(primaryDomain, "primaryDomain");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** A new, active organization whose domain is derived from its name. */
    public static Organization create(long id, String name, String instanceDomain, Instant now) {
        return new Organization(id, name, OrgName.domainOf(name, instanceDomain), OrgState.ACTIVE, 1, now, now);
    }

    /** The same organization renamed, its domain derived from the new name, one change later. */
    public Organization withName(String newName, String instanceDomain, Instant now) {
        return new Organization(id, newName, OrgName.domainOf(newName, instanceDomain), state, sequence + 1,
                createdAt, now);
    }

    /** The same organization in another state, one change later. */
    public Organization withState(OrgState newState, Instant now) {
        return new Organization(id, name, primaryDomain, newState, sequence + 1, createdAt, now);
    }

    public boolean exists() {
        return state != OrgState.REMOVED;
    }
}
