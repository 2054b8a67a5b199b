package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateAppCommand;
import dev.warden.application.port.in.UpdateAppUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Renames an application for callers holding {@code project.app.write}; the same name is ZITADEL's "No changes". */
public final class UpdateAppService implements UpdateAppUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final Clock clock;

    public UpdateAppService(AccessControl accessControl, ApiAppRepository apps, Clock clock) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public DetailsResult updateApp(UpdateAppCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateAppCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        String name = ProjectLookup.required(command.name(), ApiApp.MAX_NAME_LENGTH, "UpdateAppRequest.Name");
        ApiApp current = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                .orElseThrow(() -> ProjectErrors.appNotExisting("COMMAND-28di9"));
        if (current.name().equals(name)) {
            throw new PreconditionFailedException("COMMAND-2m8vx", "No changes");
        }
        ApiApp changed = current.withName(name, clock.instant());
        OptimisticUpdate.stored(apps.update(changed), () -> ProjectErrors.appNotExisting("COMMAND-28di9"),
                ProjectErrors::appNameTaken);
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
