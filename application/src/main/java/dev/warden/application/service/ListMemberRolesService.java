package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.service.AddMemberService.MemberScopeRules;
import dev.warden.application.port.in.ListMemberRolesQuery;
import dev.warden.application.port.in.ListMemberRolesUseCase;
import dev.warden.application.port.in.MemberRolesResult;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;

import java.util.List;

/**
 * Lists the roles grantable on an organization ({@code org.member.read}) or on the instance
 * ({@code iam.member.read}), in configuration order.
 */
public final class ListMemberRolesService implements ListMemberRolesUseCase {

    private final AccessControl accessControl;
    private final InstanceRepository instances;

    public ListMemberRolesService(AccessControl accessControl, InstanceRepository instances) {
        this.accessControl = accessControl;
        this.instances = instances;
    }

    @Override
    public MemberRolesResult listMemberRoles(ListMemberRolesQuery query) {
        MemberScopeRules rules = MemberScopeRules.of(query.scope());
        Organization current = accessControl.authorize(query.caller(), rules.read);
        List<Role> roles = Role.grantableOn(query.scope());
        if (query.scope() == MemberScope.ORG && !isDefaultOrg(current)) {
            // ZITADEL offers SELF_MANAGEMENT_GLOBAL only on the default organization (contract §5.1).
            roles = roles.stream().filter(r -> r != Role.SELF_MANAGEMENT_GLOBAL).toList();
        }
        return new MemberRolesResult(roles);
    }

    private boolean isDefaultOrg(Organization org) {
        // AccessControl has just read the instance to authorize the call, so it exists.
        return instances.find().orElseThrow().defaultOrgId() == org.id();
    }
}
