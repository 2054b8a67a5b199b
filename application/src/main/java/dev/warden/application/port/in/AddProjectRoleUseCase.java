package dev.warden.application.port.in;

/** Driving port: Adds a role to a project. */
public interface AddProjectRoleUseCase {
    DetailsResult addProjectRole(AddProjectRoleCommand command);
}
