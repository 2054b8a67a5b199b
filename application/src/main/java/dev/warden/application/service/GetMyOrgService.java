package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.GetMyOrgQuery;
import dev.warden.application.port.in.GetMyOrgUseCase;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.domain.policy.Permission;

/** Returns the current organization to callers holding {@code org.read} on it. */
public final class GetMyOrgService implements GetMyOrgUseCase {

    private final AccessControl accessControl;

    public GetMyOrgService(AccessControl accessControl) {
        this.accessControl = accessControl;
    }

    @Override
    public OrganizationResult getMyOrg(GetMyOrgQuery query) {
        return new OrganizationResult(accessControl.authorize(query.caller(), query.requestedOrgId(),
                Permission.ORG_READ));
    }
}
