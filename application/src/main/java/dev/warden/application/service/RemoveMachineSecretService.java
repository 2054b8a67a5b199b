package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMachineSecretCommand;
import dev.warden.application.port.in.RemoveMachineSecretUseCase;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.application.serviceuser.MachineSecrets;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;

/**
 * Removes the client secret of a machine user of the current organization, for callers holding
 * {@code user.write}; it stops working at once on this node, and on the others when they read the
 * change feed.
 */
public final class RemoveMachineSecretService implements RemoveMachineSecretUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineSecretRepository secrets;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public RemoveMachineSecretService(AccessControl accessControl, ServiceUserRepository users,
                                      MachineSecretRepository secrets, VerifiedCredentialCache cache, Clock clock,
                                      AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.secrets = secrets;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeMachineSecret(RemoveMachineSecretCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(MachineSecrets::userNotExisting);
        MachineSecret secret = secrets.find(user.id()).orElseThrow(MachineSecrets::secretNotExisting);
        if (!secrets.remove(user.id())) {
            // Removed by a concurrent request between our look-up and our delete.
            throw MachineSecrets.secretNotExisting();
        }
        cache.invalidateUser(user.id());
        audit.record(AuditEventType.MACHINE_SECRET_REMOVED, command.caller(), org.id(), user.id(), "", "");
        return new DetailsResult(secret.sequence() + 1, clock.instant(), org.id());
    }
}
