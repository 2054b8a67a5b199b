package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RemoveAppUseCase}, ids as the client sent them. */
public record RemoveAppCommand(Caller caller, String projectId, String appId) {
    public RemoveAppCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
