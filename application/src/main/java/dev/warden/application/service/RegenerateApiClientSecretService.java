package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GeneratedClientSecretResult;
import dev.warden.application.port.in.RegenerateApiClientSecretCommand;
import dev.warden.application.port.in.RegenerateApiClientSecretUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ClientSecret;
import dev.warden.domain.token.SecretHash;

import java.time.Clock;

/**
 * Gives an API application a new client secret for callers holding {@code project.app.write}, whatever
 * its method (as in ZITADEL). The old secret stops working at once; only the new one's hash is stored.
 */
public final class RegenerateApiClientSecretService implements RegenerateApiClientSecretUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final SecretHasher hasher;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public RegenerateApiClientSecretService(AccessControl accessControl, ApiAppRepository apps, SecretHasher hasher,
                                            Clock clock, LocalCaches localCaches,
                                            AuditTrail audit) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.hasher = hasher;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public GeneratedClientSecretResult regenerateApiClientSecret(RegenerateApiClientSecretCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        // Hashed once, outside the re-try: argon2 is the expensive part and the secret does not depend on the app.
        ClientSecret secret = ClientSecret.generate();
        SecretHash hash = hasher.hash(secret.bytes());
        return OptimisticUpdate.retryOnce(() -> {
            ApiApp current = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                    .orElseThrow(() -> ProjectErrors.appNotExisting("COMMAND-2g66f"));
            ApiApp changed = current.withSecret(hash, clock.instant());
            OptimisticUpdate.stored(apps.update(changed), () -> ProjectErrors.appNotExisting("COMMAND-2g66f"),
                    ProjectErrors::appNameTaken);
            localCaches.clientChanged(changed.id(), changed.changedAt());
            audit.record(AuditEventType.APP_SECRET_CHANGED, command.caller(), org.id(), 0, Long.toString(changed.id()),
                    "");
            return new GeneratedClientSecretResult(secret.value(),
                    new DetailsResult(changed.sequence(), changed.changedAt(), org.id()));
        });
    }
}
