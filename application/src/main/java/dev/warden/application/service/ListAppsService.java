package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ApiAppListResult;
import dev.warden.application.port.in.ListAppsQuery;
import dev.warden.application.port.in.ListAppsUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;
import java.util.List;

/** Searches a project's applications for callers holding {@code project.app.read}; an unknown project has none. */
public final class ListAppsService implements ListAppsUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ApiAppRepository apps;
    private final Clock clock;

    public ListAppsService(AccessControl accessControl, ProjectRepository projects, ApiAppRepository apps,
                           Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public ApiAppListResult listApps(ListAppsQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_APP_READ);
        var page = ProjectLookup.inOrg(projects, query.projectId(), org.id())
                .map(project -> apps.search(project.id(), query.filters(), query.page()))
                .orElseGet(() -> new Page<>(List.of(), 0));
        return new ApiAppListResult(page, clock.instant());
    }
}
