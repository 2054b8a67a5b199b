package dev.warden.application.port.in;

/** Driving port: Replaces a project's settings. */
public interface UpdateProjectUseCase {
    DetailsResult updateProject(UpdateProjectCommand command);
}
