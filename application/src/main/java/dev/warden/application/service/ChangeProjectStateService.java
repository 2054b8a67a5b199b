package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.ChangeProjectStateCommand;
import dev.warden.application.port.in.ChangeProjectStateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectState;

import java.time.Clock;

/**
 * Deactivates or reactivates a project for callers holding {@code project.write}. The apps of an
 * inactive project can no longer authenticate at introspection (the repository records the change).
 */
public final class ChangeProjectStateService implements ChangeProjectStateUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final Clock clock;
    private final LocalCaches localCaches;

    public ChangeProjectStateService(AccessControl accessControl, ProjectRepository projects, Clock clock,
                                     LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult changeProjectState(ChangeProjectStateCommand command) {
        return OptimisticUpdate.retryOnce(() -> change(command));
    }

    private DetailsResult change(ChangeProjectStateCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_WRITE);
        boolean deactivate = command.target() == ProjectState.INACTIVE;
        String notFoundId = deactivate ? "COMMAND-112M9" : "COMMAND-3M9sd";
        Project current = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectNotFound(notFoundId));
        if (deactivate && current.state() != ProjectState.ACTIVE) {
            throw new PreconditionFailedException("COMMAND-mki55", "Project is not active");
        }
        if (!deactivate && current.state() != ProjectState.INACTIVE) {
            throw new PreconditionFailedException("COMMAND-5M9bs", "Project is not deactivated");
        }
        Project changed = current.withState(command.target(), clock.instant());
        OptimisticUpdate.stored(projects.update(changed), () -> ProjectErrors.projectNotFound(notFoundId),
                ProjectErrors::projectNameTaken);
        localCaches.clientChanged(0, changed.changedAt());
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
