package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveAppKeyCommand;
import dev.warden.application.port.in.RemoveAppKeyUseCase;
import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Removes an application key for callers holding {@code project.app.write}; it stops verifying at once. */
public final class RemoveAppKeyService implements RemoveAppKeyUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final AppKeyRepository keys;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public RemoveAppKeyService(AccessControl accessControl, ApiAppRepository apps, AppKeyRepository keys,
                               Clock clock, LocalCaches localCaches,
                               AuditTrail audit) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.keys = keys;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeAppKey(RemoveAppKeyCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        AppKey key = GetAppKeyService.find(apps, keys, command.projectId(), command.appId(), command.keyId(), org.id())
                .orElseThrow(RemoveAppKeyService::notFound);
        if (!keys.remove(key.id())) {
            throw notFound();
        }
        localCaches.clientChanged(key.appId(), clock.instant());
        audit.record(AuditEventType.APP_KEY_REMOVED, command.caller(), org.id(), 0, Long.toString(key.id()),
                "app " + key.appId());
        return new DetailsResult(key.sequence() + 1, clock.instant(), org.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-4m77G", "Application key not found");
    }
}
