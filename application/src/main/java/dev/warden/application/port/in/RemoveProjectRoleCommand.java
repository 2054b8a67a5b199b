package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RemoveProjectRoleUseCase}, ids as the client sent them. */
public record RemoveProjectRoleCommand(Caller caller, String projectId, String roleKey) {
    public RemoveProjectRoleCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
