package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.port.in.ChangeUserGrantStateCommand;
import dev.warden.application.port.in.ChangeUserGrantStateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/**
 * Deactivates or reactivates a grant for callers holding {@code user.grant.write}; a grant already in
 * the target state is a 200 without a write, as in ZITADEL. Inactive grants give no role claims.
 */
public final class ChangeUserGrantStateService implements ChangeUserGrantStateUseCase {

    private final AccessControl accessControl;
    private final UserGrantRepository grants;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public ChangeUserGrantStateService(AccessControl accessControl, UserGrantRepository grants, Clock clock,
                                       LocalCaches localCaches,
                                       AuditTrail audit) {
        this.accessControl = accessControl;
        this.grants = grants;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public DetailsResult changeUserGrantState(ChangeUserGrantStateCommand command) {
        return OptimisticUpdate.retryOnce(() -> change(command));
    }

    private DetailsResult change(ChangeUserGrantStateCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_GRANT_WRITE);
        UserGrant current = GetUserGrantService.find(grants, command.grantId(), org.id())
                .orElseThrow(() -> ProjectErrors.grantNotFound("COMMAND-3M9sd"));
        if (current.state() == command.target()) {
            return new DetailsResult(current.sequence(), current.changedAt(), org.id());
        }
        UserGrant changed = current.withState(command.target(), clock.instant());
        OptimisticUpdate.stored(grants.update(changed), () -> ProjectErrors.grantNotFound("COMMAND-3M9sd"));
        localCaches.grantsChanged(changed.userId(), changed.changedAt());
        audit.record(changed.state() == UserGrantState.ACTIVE ? AuditEventType.USER_GRANT_REACTIVATED
                        : AuditEventType.USER_GRANT_DEACTIVATED, command.caller(), org.id(), changed.userId(),
                Long.toString(changed.id()), AddUserGrantService.grantDetail(changed));
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }
}
