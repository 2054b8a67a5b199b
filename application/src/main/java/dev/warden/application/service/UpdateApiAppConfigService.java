package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateApiAppConfigCommand;
import dev.warden.application.port.in.UpdateApiAppConfigUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/**
 * Changes an API application's authentication method for callers holding {@code project.app.write}.
 * As in ZITADEL it neither creates nor clears a secret or keys: introspection checks whichever
 * credential is presented.
 */
public final class UpdateApiAppConfigService implements UpdateApiAppConfigUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final Clock clock;
    private final LocalCaches localCaches;

    public UpdateApiAppConfigService(AccessControl accessControl, ApiAppRepository apps, Clock clock,
                                     LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult updateApiAppConfig(UpdateApiAppConfigCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateApiAppConfigCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        ApiApp current = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                .orElseThrow(() -> ProjectErrors.appNotExisting("COMMAND-2n8uU"));
        ApiAuthMethod method = command.authMethod() == null ? ApiAuthMethod.BASIC : command.authMethod();
        if (current.authMethod() == method) {
            throw new PreconditionFailedException("COMMAND-1m88i", "No changes");
        }
        ApiApp changed = current.withAuthMethod(method, clock.instant());
        OptimisticUpdate.stored(apps.update(changed), () -> ProjectErrors.appNotExisting("COMMAND-2n8uU"),
                ProjectErrors::appNameTaken);
        localCaches.clientChanged(changed.id(), changed.changedAt());
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
