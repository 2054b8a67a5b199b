package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link AddProjectRoleUseCase}, ids as the client sent them. */
public record AddProjectRoleCommand(Caller caller, String projectId, String roleKey, String displayName, String group) {
    public AddProjectRoleCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
