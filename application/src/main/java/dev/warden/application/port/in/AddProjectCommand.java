package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.project.ProjectSettings;
import java.util.Objects;

/** Input of {@link AddProjectUseCase}, ids as the client sent them. */
public record AddProjectCommand(Caller caller, ProjectSettings settings) {
    public AddProjectCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(settings, "settings");
    }
}
