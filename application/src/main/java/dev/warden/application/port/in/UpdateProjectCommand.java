package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.project.ProjectSettings;
import java.util.Objects;

/** Input of {@link UpdateProjectUseCase}, ids as the client sent them. */
public record UpdateProjectCommand(Caller caller, String projectId, ProjectSettings settings) {
    public UpdateProjectCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(settings, "settings");
    }
}
