package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.service.AddMemberService.MemberScopeRules;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateMemberCommand;
import dev.warden.application.port.in.UpdateMemberUseCase;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Replaces a member's roles on the current organization ({@code org.member.write}) or on the
 * instance ({@code iam.member.write}); the same roles again change nothing, as in ZITADEL. When
 * the membership changed concurrently, the request is applied once more to the new state
 * ({@link OptimisticUpdate}).
 */
public final class UpdateMemberService implements UpdateMemberUseCase {

    private final AccessControl accessControl;
    private final MembershipRepository memberships;
    private final InstanceRepository instances;
    private final Clock clock;
    private final AuditTrail audit;

    public UpdateMemberService(AccessControl accessControl, MembershipRepository memberships,
                               InstanceRepository instances, Clock clock,
                               AuditTrail audit) {
        this.accessControl = accessControl;
        this.memberships = memberships;
        this.instances = instances;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult updateMember(UpdateMemberCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateMemberCommand command) {
        MemberScopeRules rules = MemberScopeRules.of(command.scope());
        Organization current = accessControl.authorize(command.caller(), rules.write);
        Set<Role> roles = rules.roles(command.roles());
        long scopeId = rules.scopeId(current, instances);
        Membership existing = Ids.parse(command.userId())
                .flatMap(userId -> memberships.find(userId, command.scope(), scopeId))
                .orElseThrow(rules::notAMember);
        if (existing.roles().equals(roles)) {
            return new DetailsResult(existing.sequence(), existing.changedAt(), scopeId);
        }
        Instant now = clock.instant();
        Membership updated = existing.withRoles(roles, now);
        OptimisticUpdate.stored(memberships.update(updated), rules::notAMember);
        audit.record(AuditEventType.MEMBER_CHANGED, command.caller(), current.id(), existing.userId(),
                Long.toString(scopeId), MemberScopeRules.describe(command.scope(), roles));
        return new DetailsResult(updated.sequence(), now, scopeId);
    }
}
