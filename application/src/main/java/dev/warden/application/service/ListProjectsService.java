package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListProjectsQuery;
import dev.warden.application.port.in.ListProjectsUseCase;
import dev.warden.application.port.in.ProjectListResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Searches the projects owned by the current organization, and only those, for callers holding {@code project.read}. */
public final class ListProjectsService implements ListProjectsUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final Clock clock;

    public ListProjectsService(AccessControl accessControl, ProjectRepository projects, Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public ProjectListResult listProjects(ListProjectsQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_READ);
        return new ProjectListResult(projects.search(org.id(), query.filters(), query.page()), clock.instant());
    }
}
