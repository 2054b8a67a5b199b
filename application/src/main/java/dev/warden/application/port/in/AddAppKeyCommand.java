package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.time.Instant;
import java.util.Objects;

/** Input of {@link AddAppKeyUseCase}, ids as the client sent them. */
public record AddAppKeyCommand(Caller caller, String projectId, String appId, boolean jsonType, Instant expirationDate) {
    public AddAppKeyCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
