package dev.warden.application.authz;

import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.member.AccessCheck;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.AccessDecision;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.principal.Principal;

import java.util.Optional;

/**
 * Resolves the current organization of a request (the caller's own, or the one named by
 * {@code x-zitadel-orgid}) and checks the caller's permission on it through the role policy ({@link AccessCheck}).
 */
public final class AccessControl {

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final InstanceRepository instances;

    public AccessControl(OrganizationRepository organizations, MembershipRepository memberships,
                         InstanceRepository instances) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.instances = instances;
    }

    /** The current organization, if the caller holds {@code permission} on it. */
    public Organization authorize(Caller caller, Permission permission) {
        return authorize(caller.principal(), caller.requestedOrgId(), permission);
    }

    /**
     * The current organization, if the caller holds {@code permission} on it.
     *
     * @param requestedOrgId the {@code x-zitadel-orgid} value, or null when absent
     */
    public Organization authorize(Principal caller, String requestedOrgId, Permission permission) {
        Organization current = currentOrg(caller, requestedOrgId);
        long instanceId = instances.find()
                .orElseThrow(() -> new PreconditionFailedException("INST-n0tS3t", "Instance is not set up"))
                .id();
        AccessDecision decision = AccessCheck.decide(memberships.findByUser(caller.userId()), current.id(),
                instanceId, permission);
        return switch (decision) {
            case GRANTED -> current;
            case NO_MEMBERSHIP -> throw new NotFoundException("AUTHZ-cdgFk", "membership not found");
            case DENIED -> throw new PermissionDeniedException("AUTH-5mWD2", "No matching permissions found");
        };
    }

    private Organization currentOrg(Principal caller, String requestedOrgId) {
        Optional<Long> orgId = requestedOrgId == null ? Optional.of(caller.orgId()) : Ids.parse(requestedOrgId);
        return orgId.flatMap(organizations::findById)
                .filter(Organization::exists)
                .orElseThrow(AccessControl::orgDoesNotExist);
    }

    /** The answer for a current organization that is unknown or removed (also when removed concurrently). */
    public static PermissionDeniedException orgDoesNotExist() {
        return new PermissionDeniedException("AUTH-Bs7Ds", "Organisation doesn't exist");
    }
}
