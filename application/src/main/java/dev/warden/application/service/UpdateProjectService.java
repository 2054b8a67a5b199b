package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateProjectCommand;
import dev.warden.application.port.in.UpdateProjectUseCase;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;

import java.time.Clock;

/**
 * Replaces a project's settings (full-replace, as ZITADEL's converter does) for callers holding
 * {@code project.write}. Nothing changed is a 200 with the current details, not an error.
 */
public final class UpdateProjectService implements UpdateProjectUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final Clock clock;
    private final LocalCaches localCaches;

    public UpdateProjectService(AccessControl accessControl, ProjectRepository projects, Clock clock,
                                LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult updateProject(UpdateProjectCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateProjectCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_WRITE);
        Project current = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectNotFound("COMMAND-3M9sd"));
        if (current.settings().equals(command.settings())) {
            return new DetailsResult(current.sequence(), current.changedAt(), org.id());
        }
        Project changed = current.withSettings(command.settings(), clock.instant());
        OptimisticUpdate.stored(projects.update(changed), () -> ProjectErrors.projectNotFound("COMMAND-3M9sd"),
                ProjectErrors::projectNameTaken);
        localCaches.clientChanged(0, changed.changedAt());
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
