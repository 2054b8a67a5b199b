package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveProjectCommand;
import dev.warden.application.port.in.RemoveProjectUseCase;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;

import java.time.Clock;

/**
 * Removes a project with its roles, apps, keys and user grants, for callers holding
 * {@code project.delete}; its name becomes free again.
 */
public final class RemoveProjectService implements RemoveProjectUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final Clock clock;
    private final LocalCaches localCaches;

    public RemoveProjectService(AccessControl accessControl, ProjectRepository projects, Clock clock,
                                LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult removeProject(RemoveProjectCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_DELETE);
        Project project = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectNotFound("COMMAND-3M9sd"));
        if (!projects.remove(project.id())) {
            throw ProjectErrors.projectNotFound("COMMAND-3M9sd");
        }
        localCaches.clientChanged(0, clock.instant());
        localCaches.grantsChanged(0, clock.instant());
        return new DetailsResult(project.sequence() + 1, clock.instant(), org.id());
    }
}
