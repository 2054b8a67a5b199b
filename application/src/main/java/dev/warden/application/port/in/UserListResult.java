package dev.warden.application.port.in;

import dev.warden.domain.query.Page;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One page of users, when it was read, and the ids of those of them that have a client secret. */
public record UserListResult(Page<ServiceUser> page, Instant viewedAt, Set<Long> usersWithSecret) {
    public UserListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
        usersWithSecret = Set.copyOf(usersWithSecret);
    }

    /** A page of users none of whom has a client secret. */
    public UserListResult(Page<ServiceUser> page, Instant viewedAt) {
        this(page, viewedAt, Set.of());
    }

    public boolean hasSecret(ServiceUser user) {
        return usersWithSecret.contains(user.id());
    }
}
