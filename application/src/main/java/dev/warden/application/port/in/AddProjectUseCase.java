package dev.warden.application.port.in;

/** Driving port: Adds a project to the current organization. */
public interface AddProjectUseCase {
    ProjectResult addProject(AddProjectCommand command);
}
