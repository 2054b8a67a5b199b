package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetOrgByIdQuery;
import dev.warden.application.port.in.GetOrgByIdUseCase;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Returns any organization of the instance by id to callers holding {@code iam.read}. */
public final class GetOrgByIdService implements GetOrgByIdUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;

    public GetOrgByIdService(AccessControl accessControl, OrganizationRepository organizations) {
        this.accessControl = accessControl;
        this.organizations = organizations;
    }

    @Override
    public OrganizationResult getOrgById(GetOrgByIdQuery query) {
        accessControl.authorize(query.caller(), Permission.IAM_READ);
        return Ids.parse(query.orgId())
                .flatMap(organizations::findById)
                .filter(Organization::exists)
                .map(OrganizationResult::new)
                .orElseThrow(() -> new NotFoundException("QUERY-iTTGJ", "Organisation not found"));
    }
}
