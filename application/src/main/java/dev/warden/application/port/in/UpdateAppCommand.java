package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link UpdateAppUseCase}, ids as the client sent them. */
public record UpdateAppCommand(Caller caller, String projectId, String appId, String name) {
    public UpdateAppCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
