package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.BulkRemoveUserGrantsCommand;
import dev.warden.application.port.in.BulkRemoveUserGrantsUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes several grants of the current organization, all or none, for callers holding
 * {@code user.grant.delete}: one unknown id fails the request before anything is removed.
 */
public final class BulkRemoveUserGrantsService implements BulkRemoveUserGrantsUseCase {

    static final int MAX_IDS = 1000;

    private final AccessControl accessControl;
    private final UserGrantRepository grants;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public BulkRemoveUserGrantsService(AccessControl accessControl, UserGrantRepository grants, Clock clock,
                                       LocalCaches localCaches,
                                       AuditTrail audit) {
        this.accessControl = accessControl;
        this.grants = grants;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public DetailsResult bulkRemoveUserGrants(BulkRemoveUserGrantsCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_GRANT_DELETE);
        if (command.grantIds().isEmpty() || command.grantIds().size() > MAX_IDS) {
            throw new InvalidArgumentException(null, "invalid BulkRemoveUserGrantRequest.GrantId: value must contain "
                    + "between 1 and " + MAX_IDS + " items");
        }
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> users = new LinkedHashSet<>();
        List<UserGrant> removed = new ArrayList<>();
        for (String grantId : command.grantIds()) {
            var grant = GetUserGrantService.find(grants, grantId, org.id())
                    .orElseThrow(() -> ProjectErrors.grantNotFound("COMMAND-1My0t"));
            ids.add(grant.id());
            users.add(grant.userId());
            removed.add(grant);
        }
        if (grants.removeAll(ids) != ids.size()) {
            // One was removed concurrently; removeAll stored nothing.
            throw ProjectErrors.grantNotFound("COMMAND-1My0t");
        }
        Instant now = clock.instant();
        users.forEach(userId -> localCaches.grantsChanged(userId, now));
        removed.forEach(grant -> audit.record(AuditEventType.USER_GRANT_REMOVED, command.caller(), org.id(),
                grant.userId(), Long.toString(grant.id()), AddUserGrantService.grantDetail(grant)));
        return new DetailsResult(0, now, org.id());
    }
}
