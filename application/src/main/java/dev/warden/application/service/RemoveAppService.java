package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveAppCommand;
import dev.warden.application.port.in.RemoveAppUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/**
 * Removes an application with its keys for callers holding {@code project.app.delete} — which, with
 * ZITADEL's default roles, an ORG_OWNER does not have (contract extension §8).
 */
public final class RemoveAppService implements RemoveAppUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final Clock clock;
    private final LocalCaches localCaches;

    public RemoveAppService(AccessControl accessControl, ApiAppRepository apps, Clock clock, LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult removeApp(RemoveAppCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_DELETE);
        ApiApp app = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                .orElseThrow(() -> ProjectErrors.appNotExisting("COMMAND-0po9s"));
        if (!apps.remove(app.id())) {
            throw ProjectErrors.appNotExisting("COMMAND-0po9s");
        }
        localCaches.clientChanged(app.id(), clock.instant());
        return new DetailsResult(app.sequence() + 1, clock.instant(), org.id());
    }
}
