package dev.warden.application.port.in;

/** Driving port: Removes a role (idempotent) and its key from every grant. */
public interface RemoveProjectRoleUseCase {
    DetailsResult removeProjectRole(RemoveProjectRoleCommand command);
}
