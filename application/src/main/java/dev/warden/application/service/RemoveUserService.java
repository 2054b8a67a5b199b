package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.application.port.in.RemoveUserUseCase;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes a user of the current organization with its tokens and memberships, for callers holding
 * {@code user.delete}; its credentials stop working on this node at once.
 */
public final class RemoveUserService implements RemoveUserUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public RemoveUserService(AccessControl accessControl, ServiceUserRepository users, VerifiedCredentialCache cache,
                             Clock clock,
                             AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeUser(RemoveUserCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_DELETE);
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(() -> new NotFoundException("COMMAND-m9od", "User could not be found"));
        Instant now = clock.instant();

        users.remove(user.id());
        cache.invalidateUser(user.id());
        audit.record(AuditEventType.USER_REMOVED, command.caller(), org.id(), user.id(), "", "");
        return new DetailsResult(user.sequence() + 1, now, org.id());
    }
}
