package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.key.MachineKeyLookup;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMachineKeyCommand;
import dev.warden.application.port.in.RemoveMachineKeyUseCase;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/**
 * Removes a machine key for callers holding {@code user.write}: the key is deleted and whatever
 * this node verified with it is dropped from its credential cache; other nodes follow the change feed.
 */
public final class RemoveMachineKeyService implements RemoveMachineKeyUseCase {

    private final AccessControl accessControl;
    private final MachineKeyRepository keys;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public RemoveMachineKeyService(AccessControl accessControl, MachineKeyRepository keys,
                                   VerifiedCredentialCache cache, Clock clock,
                                   AuditTrail audit) {
        this.accessControl = accessControl;
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeMachineKey(RemoveMachineKeyCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        MachineKey key = MachineKeyLookup.of(keys, command.userId(), command.keyId(), org.id())
                .orElseThrow(RemoveMachineKeyService::notFound);

        if (!keys.remove(key.id())) {
            // Removed by a concurrent request between our look-up and our delete.
            throw notFound();
        }
        // A principal verified with a machine key names it by the key id in decimal.
        cache.invalidateCredential(Long.toString(key.id()));
        // The access tokens obtained with the key went with it; their principals name the user.
        cache.invalidateUser(key.userId());
        audit.record(AuditEventType.MACHINE_KEY_REMOVED, command.caller(), org.id(), key.userId(),
                Long.toString(key.id()), "");
        return new DetailsResult(key.sequence() + 1, clock.instant(), org.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-4m77G", "Machine key not found");
    }
}
