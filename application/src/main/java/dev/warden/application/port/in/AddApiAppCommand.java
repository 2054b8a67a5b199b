package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.app.ApiAuthMethod;
import java.util.Objects;

/** Input of {@link AddApiAppUseCase}, ids as the client sent them. */
public record AddApiAppCommand(Caller caller, String projectId, String name, ApiAuthMethod authMethod) {
    public AddApiAppCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
