package dev.warden.domain.instance;

import java.time.Instant;
import java.util.Objects;

/**
 * The Warden instance: created once, on the first start against an empty database. Its id is the
 * scope of instance-wide (IAM) memberships; its default organization is the first one.
 */
public record Instance(long id, long defaultOrgId, Instant createdAt) {
    public Instance {
        if (id <= 0 || defaultOrgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
