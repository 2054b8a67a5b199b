package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GenerateMachineSecretCommand;
import dev.warden.application.port.in.GenerateMachineSecretUseCase;
import dev.warden.application.port.in.GeneratedMachineSecretResult;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.application.serviceuser.MachineSecrets;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ClientSecret;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.SecretHash;

import java.time.Clock;
import java.time.Instant;

/**
 * Gives a machine user of the current organization a new client secret, for callers holding
 * {@code user.write}: 64 random letters and digits, of which only the hash is stored. Any previous
 * secret stops working at once on this node, and on the others when they read the change feed.
 */
public final class GenerateMachineSecretService implements GenerateMachineSecretUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineSecretRepository secrets;
    private final SecretHasher hasher;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public GenerateMachineSecretService(AccessControl accessControl, ServiceUserRepository users,
                                        MachineSecretRepository secrets, SecretHasher hasher,
                                        VerifiedCredentialCache cache, Clock clock,
                                        AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.secrets = secrets;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public GeneratedMachineSecretResult generateMachineSecret(GenerateMachineSecretCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(MachineSecrets::userNotExisting);

        ClientSecret secret = ClientSecret.generate();
        SecretHash hash = hasher.hash(secret.bytes());
        Instant now = clock.instant();
        MachineSecret stored = secrets.find(user.id())
                .map(previous -> previous.replacedBy(hash, now))
                .orElseGet(() -> MachineSecret.create(user.id(), hash, now));
        if (!secrets.save(stored)) {
            // The user was removed between our look-up and our write.
            throw MachineSecrets.userNotExisting();
        }
        cache.invalidateUser(user.id());
        audit.record(AuditEventType.MACHINE_SECRET_SET, command.caller(), org.id(), user.id(), "", "");
        // The client id is the preferred login name: the user name under the default domain policy.
        return new GeneratedMachineSecretResult(user.userName(), secret.value(),
                new DetailsResult(stored.sequence(), now, org.id()));
    }
}
