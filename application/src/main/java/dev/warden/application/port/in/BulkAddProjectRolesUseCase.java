package dev.warden.application.port.in;

/** Driving port: Adds several roles to a project, all or none. */
public interface BulkAddProjectRolesUseCase {
    DetailsResult bulkAddProjectRoles(BulkAddProjectRolesCommand command);
}
