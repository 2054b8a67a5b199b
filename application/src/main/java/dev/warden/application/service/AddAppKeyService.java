package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddAppKeyCommand;
import dev.warden.application.port.in.AddAppKeyUseCase;
import dev.warden.application.port.in.AddedAppKeyResult;
import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.RsaKeyGenerator;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.app.AppKeyFile;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;

/**
 * Generates an RSA 2048 key pair for a PRIVATE_KEY_JWT API application, for callers holding
 * {@code project.app.write}: the public half is stored, the key file with the private half is
 * returned here once and kept nowhere.
 */
public final class AddAppKeyService implements AddAppKeyUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final AppKeyRepository keys;
    private final RsaKeyGenerator generator;
    private final IdGenerator ids;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public AddAppKeyService(AccessControl accessControl, ApiAppRepository apps, AppKeyRepository keys,
                            RsaKeyGenerator generator, IdGenerator ids, Clock clock, LocalCaches localCaches,
                            AuditTrail audit) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.keys = keys;
        this.generator = generator;
        this.ids = ids;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public AddedAppKeyResult addAppKey(AddAppKeyCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        if (!command.jsonType()) {
            throw new InvalidArgumentException(null, "invalid AddAppKeyRequest.Type: value must not be in list [0]");
        }
        Instant now = clock.instant();
        if (command.expirationDate() != null && !command.expirationDate().isAfter(now)) {
            throw new InvalidArgumentException("DOMAIN-dv3t5", "Errors.AuthNKey.ExpireBeforeNow");
        }
        ApiApp app = ProjectLookup.app(apps, command.projectId(), command.appId(), org.id())
                .orElseThrow(AddAppKeyService::appMissing);
        if (app.authMethod() != ApiAuthMethod.PRIVATE_KEY_JWT) {
            throw new PreconditionFailedException("COMMAND-Dff54", "Chosen Auth Method does not require a key");
        }
        KeyPair pair = generator.generate();
        if (!(pair.getPublic() instanceof RSAPublicKey publicKey)
                || !(pair.getPrivate() instanceof RSAPrivateCrtKey privateKey)) {
            throw new IllegalStateException("key generator made no RSA key pair");
        }
        AppKey key = AppKey.create(ids.nextId(), app, publicKey, command.expirationDate(), now);
        // Built before the insert: a key whose file cannot be made is never stored.
        byte[] keyFile = AppKeyFile.of(key, app, privateKey).toJson();
        if (!keys.insert(key)) {
            throw appMissing();
        }
        localCaches.clientChanged(app.id(), now);
        audit.record(AuditEventType.APP_KEY_ADDED, command.caller(), org.id(), 0, Long.toString(key.id()),
                "app " + app.id());
        return new AddedAppKeyResult(key, keyFile);
    }

    private static PreconditionFailedException appMissing() {
        return new PreconditionFailedException("COMMAND-sak25", "Application not found");
    }
}
