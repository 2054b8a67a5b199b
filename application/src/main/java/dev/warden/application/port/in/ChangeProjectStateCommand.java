package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.project.ProjectState;
import java.util.Objects;

/** Input of {@link ChangeProjectStateUseCase}, ids as the client sent them. */
public record ChangeProjectStateCommand(Caller caller, String projectId, ProjectState target) {
    public ChangeProjectStateCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(target, "target");
    }
}
