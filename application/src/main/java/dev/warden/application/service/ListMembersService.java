package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.service.AddMemberService.MemberScopeRules;
import dev.warden.application.port.in.ListMembersQuery;
import dev.warden.application.port.in.ListMembersUseCase;
import dev.warden.application.port.in.MemberListResult;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.domain.org.Organization;

import java.time.Clock;

/**
 * Lists the members of the current organization ({@code org.member.read}) or of the instance
 * ({@code iam.member.read}) with their users.
 */
public final class ListMembersService implements ListMembersUseCase {

    private final AccessControl accessControl;
    private final MembershipRepository memberships;
    private final InstanceRepository instances;
    private final Clock clock;

    public ListMembersService(AccessControl accessControl, MembershipRepository memberships,
                              InstanceRepository instances, Clock clock) {
        this.accessControl = accessControl;
        this.memberships = memberships;
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public MemberListResult listMembers(ListMembersQuery query) {
        MemberScopeRules rules = MemberScopeRules.of(query.scope());
        Organization current = accessControl.authorize(query.caller(), rules.read);
        long scopeId = rules.scopeId(current, instances);
        return new MemberListResult(memberships.search(query.scope(), scopeId, query.filter(), query.page()),
                clock.instant());
    }
}
