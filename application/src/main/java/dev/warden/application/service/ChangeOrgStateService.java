package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.ChangeOrgStateCommand;
import dev.warden.application.port.in.ChangeOrgStateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.time.Instant;

/**
 * Deactivates or reactivates the current organization for callers holding {@code org.write}. The
 * users of an inactive organization cannot authenticate, so deactivation drops their cached
 * credentials; an inactive organization can still be named by {@code x-zitadel-orgid}, which is
 * how a member from elsewhere (typically an IAM owner) reactivates it. A concurrent change of the
 * organization (a rename, say) is kept: the state change is checked and applied once more to the new
 * state ({@link OptimisticUpdate}).
 */
public final class ChangeOrgStateService implements ChangeOrgStateUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;
    private final VerifiedCredentialCache cache;
    private final Clock clock;

    public ChangeOrgStateService(AccessControl accessControl, OrganizationRepository organizations,
                                 VerifiedCredentialCache cache, Clock clock) {
        this.accessControl = accessControl;
        this.organizations = organizations;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public DetailsResult changeOrgState(ChangeOrgStateCommand command) {
        return OptimisticUpdate.retryOnce(() -> change(command));
    }

    private DetailsResult change(ChangeOrgStateCommand command) {
        Organization current = accessControl.authorize(command.caller(), Permission.ORG_WRITE);
        Instant now = clock.instant();
        if (command.active()) {
            if (current.state() != OrgState.INACTIVE) {
                throw new PreconditionFailedException("ORG-bfnrh", "Organisation is already active");
            }
            return store(current.withState(OrgState.ACTIVE, now), now);
        }
        if (current.state() != OrgState.ACTIVE) {
            throw new PreconditionFailedException("ORG-Dbs2g", "Organisation is already deactivated");
        }
        DetailsResult details = store(current.withState(OrgState.INACTIVE, now), now);
        cache.invalidateOrg(current.id());
        return details;
    }

    private DetailsResult store(Organization changed, Instant now) {
        // The name is unchanged, so a taken name cannot apply; it would be answered as on a rename.
        OptimisticUpdate.stored(organizations.update(changed), AccessControl::orgDoesNotExist,
                AddOrgService::nameTaken);
        return new DetailsResult(changed.sequence(), now, changed.id());
    }
}
