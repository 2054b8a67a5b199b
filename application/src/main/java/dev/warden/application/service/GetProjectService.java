package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.GetProjectQuery;
import dev.warden.application.port.in.GetProjectUseCase;
import dev.warden.application.port.in.ProjectResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Reads a project of the current organization for callers holding {@code project.read}; other orgs' projects are 404. */
public final class GetProjectService implements GetProjectUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;

    public GetProjectService(AccessControl accessControl, ProjectRepository projects) {
        this.accessControl = accessControl;
        this.projects = projects;
    }

    @Override
    public ProjectResult getProject(GetProjectQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_READ);
        return ProjectLookup.inOrg(projects, query.projectId(), org.id()).map(ProjectResult::new)
                .orElseThrow(() -> ProjectErrors.projectNotFound("QUERY-fk2fs"));
    }
}
