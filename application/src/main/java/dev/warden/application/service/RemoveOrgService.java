package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveOrgCommand;
import dev.warden.application.port.in.RemoveOrgUseCase;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/**
 * Removes the current organization with its users, tokens and memberships for callers holding
 * {@code org.delete}; the instance's default organization stays.
 */
public final class RemoveOrgService implements RemoveOrgUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;
    private final InstanceRepository instances;
    private final VerifiedCredentialCache cache;
    private final Clock clock;

    public RemoveOrgService(AccessControl accessControl, OrganizationRepository organizations,
                            InstanceRepository instances, VerifiedCredentialCache cache, Clock clock) {
        this.accessControl = accessControl;
        this.organizations = organizations;
        this.instances = instances;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public DetailsResult removeOrg(RemoveOrgCommand command) {
        Organization current = accessControl.authorize(command.caller(), Permission.ORG_DELETE);
        // AccessControl has just read the instance to authorize the call, so it exists.
        if (current.id() == instances.find().orElseThrow().defaultOrgId()) {
            throw new PreconditionFailedException("ORG-wlsde", "The default organisation cannot be removed");
        }
        organizations.remove(current.id());
        cache.invalidateOrg(current.id());
        return new DetailsResult(current.sequence() + 1, clock.instant(), current.id());
    }
}
