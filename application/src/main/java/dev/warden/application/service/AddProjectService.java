package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.AddProjectCommand;
import dev.warden.application.port.in.AddProjectUseCase;
import dev.warden.application.port.in.ProjectResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;

import java.time.Clock;

/**
 * Adds a project to the current organization for callers holding {@code project.create}. The
 * creator does not become a project member (as in ZITADEL's snapshot).
 */
public final class AddProjectService implements AddProjectUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final IdGenerator ids;
    private final Clock clock;

    public AddProjectService(AccessControl accessControl, ProjectRepository projects, IdGenerator ids, Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ProjectResult addProject(AddProjectCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_CREATE);
        Project project = Project.create(ids.nextId(), org.id(), command.settings(), clock.instant());
        if (!projects.insert(project)) {
            throw ProjectErrors.projectNameTaken();
        }
        return new ProjectResult(project);
    }
}
