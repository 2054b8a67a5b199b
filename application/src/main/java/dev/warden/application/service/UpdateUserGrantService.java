package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateUserGrantCommand;
import dev.warden.application.port.in.UpdateUserGrantUseCase;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.util.List;

/** Replaces a grant's role keys for callers holding {@code user.grant.write}; the same list in the same order is refused. */
public final class UpdateUserGrantService implements UpdateUserGrantUseCase {

    private final AccessControl accessControl;
    private final ProjectRoleRepository roles;
    private final UserGrantRepository grants;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public UpdateUserGrantService(AccessControl accessControl, ProjectRoleRepository roles,
                                  UserGrantRepository grants, Clock clock, LocalCaches localCaches,
                                  AuditTrail audit) {
        this.accessControl = accessControl;
        this.roles = roles;
        this.grants = grants;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public DetailsResult updateUserGrant(UpdateUserGrantCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateUserGrantCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_GRANT_WRITE);
        List<String> keys = AddUserGrantService.validKeys(command.roleKeys(), "UpdateUserGrantRequest");
        UserGrant current = GetUserGrantService.find(grants, command.grantId(), org.id())
                .orElseThrow(() -> ProjectErrors.grantNotFound("COMMAND-3M9sd"));
        if (current.roleKeys().equals(keys)) {
            throw new PreconditionFailedException("COMMAND-Rs8fy", "User grant has not been changed");
        }
        AddUserGrantService.checkRoles(roles, current.projectId(), keys);
        UserGrant changed = current.withRoleKeys(keys, clock.instant());
        OptimisticUpdate.stored(grants.update(changed), () -> ProjectErrors.grantNotFound("COMMAND-3M9sd"));
        localCaches.grantsChanged(changed.userId(), changed.changedAt());
        audit.record(AuditEventType.USER_GRANT_CHANGED, command.caller(), org.id(), changed.userId(),
                Long.toString(changed.id()), AddUserGrantService.grantDetail(changed));
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
