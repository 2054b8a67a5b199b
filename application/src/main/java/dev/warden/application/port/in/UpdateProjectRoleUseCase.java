package dev.warden.application.port.in;

/** Driving port: Changes a role's display name and group. */
public interface UpdateProjectRoleUseCase {
    DetailsResult updateProjectRole(UpdateProjectRoleCommand command);
}
