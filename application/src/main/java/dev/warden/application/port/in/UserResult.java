package dev.warden.application.port.in;

import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Objects;

/** A user as a use case returns it, and whether it has a client secret. */
public record UserResult(ServiceUser user, boolean hasSecret) {
    public UserResult {
        Objects.requireNonNull(user, "user");
    }

    /** A user without a client secret (what the writes of the user's own fields return). */
    public UserResult(ServiceUser user) {
        this(user, false);
    }
}
