package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RemoveProjectUseCase}, ids as the client sent them. */
public record RemoveProjectCommand(Caller caller, String projectId) {
    public RemoveProjectCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
