package dev.warden.application.port.in;

import dev.warden.domain.query.Page;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Instant;
import java.util.Objects;

    /** One page of users and when it was read. */
    public record UserListResult(Page<ServiceUser> page, Instant viewedAt) {
        public UserListResult {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(viewedAt, "viewedAt");
        }
    }
