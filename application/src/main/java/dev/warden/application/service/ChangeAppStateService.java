package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.ChangeAppStateCommand;
import dev.warden.application.port.in.ChangeAppStateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.AppState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Deactivates or reactivates an application for callers holding {@code project.app.write}. */
public final class ChangeAppStateService implements ChangeAppStateUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final Clock clock;
    private final LocalCaches localCaches;

    public ChangeAppStateService(AccessControl accessControl, ApiAppRepository apps, Clock clock,
                                 LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult changeAppState(ChangeAppStateCommand command) {
        return OptimisticUpdate.retryOnce(() -> change(command));
    }

    private DetailsResult change(ChangeAppStateCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        ApiApp current = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                .orElseThrow(() -> ProjectErrors.appNotExisting("COMMAND-ov9d3"));
        if (command.target() == AppState.INACTIVE && current.state() != AppState.ACTIVE) {
            throw new PreconditionFailedException("COMMAND-dsh35", "Application is not active");
        }
        if (command.target() == AppState.ACTIVE && current.state() != AppState.INACTIVE) {
            throw new PreconditionFailedException("COMMAND-1n8cM", "Application is not inactive");
        }
        ApiApp changed = current.withState(command.target(), clock.instant());
        OptimisticUpdate.stored(apps.update(changed), () -> ProjectErrors.appNotExisting("COMMAND-ov9d3"),
                ProjectErrors::appNameTaken);
        localCaches.clientChanged(changed.id(), changed.changedAt());
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
