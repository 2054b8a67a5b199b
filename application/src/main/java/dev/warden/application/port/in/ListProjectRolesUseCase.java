package dev.warden.application.port.in;

/** Driving port: Searches a project's roles. */
public interface ListProjectRolesUseCase {
    ProjectRoleListResult listProjectRoles(ListProjectRolesQuery query);
}
