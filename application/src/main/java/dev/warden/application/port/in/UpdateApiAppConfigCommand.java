package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.app.ApiAuthMethod;
import java.util.Objects;

/** Input of {@link UpdateApiAppConfigUseCase}, ids as the client sent them. */
public record UpdateApiAppConfigCommand(Caller caller, String projectId, String appId, ApiAuthMethod authMethod) {
    public UpdateApiAppConfigCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
