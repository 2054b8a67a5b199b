package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListProjectRolesQuery;
import dev.warden.application.port.in.ListProjectRolesUseCase;
import dev.warden.application.port.in.ProjectRoleListResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;
import java.util.List;

/** Searches a project's roles for callers holding {@code project.role.read}; an unknown project has none (200, empty). */
public final class ListProjectRolesService implements ListProjectRolesUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final Clock clock;

    public ListProjectRolesService(AccessControl accessControl, ProjectRepository projects,
                                   ProjectRoleRepository roles, Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public ProjectRoleListResult listProjectRoles(ListProjectRolesQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_ROLE_READ);
        var page = ProjectLookup.inOrg(projects, query.projectId(), org.id())
                .map(project -> roles.search(project.id(), query.filters(), query.page()))
                .orElseGet(() -> new Page<>(List.of(), 0));
        return new ProjectRoleListResult(page, clock.instant());
    }
}
