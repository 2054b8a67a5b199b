package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RegenerateApiClientSecretUseCase}, ids as the client sent them. */
public record RegenerateApiClientSecretCommand(Caller caller, String projectId, String appId) {
    public RegenerateApiClientSecretCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
