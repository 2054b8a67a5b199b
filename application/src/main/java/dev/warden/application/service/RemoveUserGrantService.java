package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveUserGrantCommand;
import dev.warden.application.port.in.RemoveUserGrantUseCase;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Removes a grant of the current organization for callers holding {@code user.grant.delete}. */
public final class RemoveUserGrantService implements RemoveUserGrantUseCase {

    private final AccessControl accessControl;
    private final UserGrantRepository grants;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public RemoveUserGrantService(AccessControl accessControl, UserGrantRepository grants, Clock clock,
                                  LocalCaches localCaches,
                                  AuditTrail audit) {
        this.accessControl = accessControl;
        this.grants = grants;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeUserGrant(RemoveUserGrantCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_GRANT_DELETE);
        UserGrant grant = GetUserGrantService.find(grants, command.grantId(), org.id())
                .orElseThrow(() -> ProjectErrors.grantNotFound("COMMAND-1My0t"));
        if (!grants.remove(grant.id())) {
            throw ProjectErrors.grantNotFound("COMMAND-1My0t");
        }
        localCaches.grantsChanged(grant.userId(), clock.instant());
        audit.record(AuditEventType.USER_GRANT_REMOVED, command.caller(), org.id(), grant.userId(),
                Long.toString(grant.id()), AddUserGrantService.grantDetail(grant));
        return new DetailsResult(grant.sequence() + 1, clock.instant(), org.id());
    }
}
