package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.service.AddMemberService.MemberScopeRules;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveMemberCommand;
import dev.warden.application.port.in.RemoveMemberUseCase;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a member's roles on the current organization ({@code org.member.delete}) or on the instance
 * ({@code iam.member.delete}) away. Idempotent, as in ZITADEL: removing a non-member succeeds.
 */
public final class RemoveMemberService implements RemoveMemberUseCase {

    private final AccessControl accessControl;
    private final MembershipRepository memberships;
    private final InstanceRepository instances;
    private final Clock clock;
    private final AuditTrail audit;

    public RemoveMemberService(AccessControl accessControl, MembershipRepository memberships,
                               InstanceRepository instances, Clock clock,
                               AuditTrail audit) {
        this.accessControl = accessControl;
        this.memberships = memberships;
        this.instances = instances;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult removeMember(RemoveMemberCommand command) {
        MemberScopeRules rules = MemberScopeRules.of(command.scope());
        Organization current = accessControl.authorize(command.caller(), rules.delete);
        long scopeId = rules.scopeId(current, instances);
        Instant now = clock.instant();
        // Like ZITADEL, this may remove the instance's last IAM_OWNER, leaving nobody to grant instance roles.
        Optional<Membership> existing = Ids.parse(command.userId())
                .flatMap(userId -> memberships.find(userId, command.scope(), scopeId));
        if (existing.isPresent() && memberships.remove(existing.get().userId(), command.scope(), scopeId)) {
            audit.record(AuditEventType.MEMBER_REMOVED, command.caller(), current.id(), existing.get().userId(),
                    Long.toString(scopeId), MemberScopeRules.describe(command.scope(),
                            existing.get().roles()));
            return new DetailsResult(existing.get().sequence() + 1, now, scopeId);
        }
        // Nothing changed. The organization's sequence stands for it; the instance has none in Warden.
        long sequence = command.scope() == MemberScope.ORG ? current.sequence() : 0;
        return new DetailsResult(sequence, now, scopeId);
    }
}
