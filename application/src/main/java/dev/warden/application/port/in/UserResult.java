package dev.warden.application.port.in;

import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Objects;

    /** A user as a use case returns it. */
    public record UserResult(ServiceUser user) {
        public UserResult {
            Objects.requireNonNull(user, "user");
        }
    }
