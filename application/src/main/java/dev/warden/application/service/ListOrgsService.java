package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListOrgsQuery;
import dev.warden.application.port.in.ListOrgsUseCase;
import dev.warden.application.port.in.OrganizationListResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Searches all organizations of the instance for callers holding {@code iam.read}. */
public final class ListOrgsService implements ListOrgsUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public ListOrgsService(AccessControl accessControl, OrganizationRepository organizations, Clock clock) {
        this.accessControl = accessControl;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public OrganizationListResult listOrgs(ListOrgsQuery query) {
        accessControl.authorize(query.caller(), Permission.IAM_READ);
        return new OrganizationListResult(organizations.list(query.filter(), query.page()), clock.instant());
    }
}
