package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.application.port.in.UpdateOrgCommand;
import dev.warden.application.port.in.UpdateOrgUseCase;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.util.Objects;

/**
 * Renames the current organization (its primary domain follows the name) for callers holding
 * {@code org.write}. Cached principals do not carry the name, so no cache entry goes stale. A
 * concurrent change of the organization (a deactivation, say) is kept: the rename is applied once
 * more to the new state ({@link OptimisticUpdate}).
 */
public final class UpdateOrgService implements UpdateOrgUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;
    private final Clock clock;
    private final String instanceDomain;

    public UpdateOrgService(AccessControl accessControl, OrganizationRepository organizations, Clock clock,
                            String instanceDomain) {
        this.accessControl = accessControl;
        this.organizations = organizations;
        this.clock = clock;
        this.instanceDomain = Objects.requireNonNull(instanceDomain, "instanceDomain");
    }

    @Override
    public OrganizationResult updateOrg(UpdateOrgCommand command) {
        return OptimisticUpdate.retryOnce(() -> rename(command));
    }

    private OrganizationResult rename(UpdateOrgCommand command) {
        Organization current = accessControl.authorize(command.caller(), Permission.ORG_WRITE);
        String name = AddOrgService.validName(command.name(), "UpdateOrgRequest");
        if (name.equals(current.name())) {
            // ZITADEL refuses a change that changes nothing.
            throw new PreconditionFailedException("ORG-4VSdf", "Errors.Org.NotChanged");
        }
        Organization renamed = current.withName(name, instanceDomain, clock.instant());
        OptimisticUpdate.stored(organizations.update(renamed), AccessControl::orgDoesNotExist,
                AddOrgService::nameTaken);
        return new OrganizationResult(renamed);
    }
}
