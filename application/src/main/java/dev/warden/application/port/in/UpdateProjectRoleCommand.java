package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link UpdateProjectRoleUseCase}, ids as the client sent them. */
public record UpdateProjectRoleCommand(Caller caller, String projectId, String roleKey, String displayName, String group) {
    public UpdateProjectRoleCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
