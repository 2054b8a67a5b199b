package dev.warden.application.port.in;

import java.time.Instant;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link AddPersonalAccessTokenUseCase}; a null expiration means none. */
    public record AddPersonalAccessTokenCommand(Caller caller, String userId, Instant expirationDate) {
        public AddPersonalAccessTokenCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
