package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddMemberCommand;
import dev.warden.application.port.in.AddMemberUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.UserState;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Grants a user of any organization roles on the current organization ({@code org.member.write}) or
 * on the instance ({@code iam.member.write}). Memberships are read on every request, so no cache
 * needs to hear of it.
 */
public final class AddMemberService implements AddMemberUseCase {

    private final AccessControl accessControl;
    private final MembershipRepository memberships;
    private final ServiceUserRepository users;
    private final InstanceRepository instances;
    private final Clock clock;
    private final AuditTrail audit;

    public AddMemberService(AccessControl accessControl, MembershipRepository memberships,
                            ServiceUserRepository users, InstanceRepository instances, Clock clock,
                            AuditTrail audit) {
        this.accessControl = accessControl;
        this.memberships = memberships;
        this.users = users;
        this.instances = instances;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult addMember(AddMemberCommand command) {
        MemberScopeRules rules = MemberScopeRules.of(command.scope());
        Organization current = accessControl.authorize(command.caller(), rules.write);
        rules.requireUserId(command.userId());
        Set<Role> roles = rules.roles(command.roles());
        long userId = Ids.parse(command.userId())
                .flatMap(users::findById)
                .filter(u -> u.state() != UserState.DELETED)
                .orElseThrow(rules::userNotFound)
                .id();
        long scopeId = rules.scopeId(current, instances);
        Instant now = clock.instant();
        Membership membership = Membership.grant(userId, command.scope(), scopeId, roles, now);
        if (!memberships.insert(membership)) {
            throw rules.alreadyMember();
        }
        audit.record(AuditEventType.MEMBER_ADDED, command.caller(), current.id(), userId, Long.toString(scopeId),
                MemberScopeRules.describe(command.scope(), roles));
        return new DetailsResult(membership.sequence(), now, scopeId);
    }

    /**
     * What differs between organization members (management API) and instance members (admin API):
     * the permissions guarding them, ZITADEL's error ids, and which id the membership is scoped to.
     * Shared by the member services; nested because the service package holds only use-case services.
     */
    enum MemberScopeRules {

        ORG(MemberScope.ORG, Permission.ORG_MEMBER_READ, Permission.ORG_MEMBER_WRITE, Permission.ORG_MEMBER_DELETE,
                "ORG-4Mlfs", "Org-4N8es", "Errors.Org.MemberInvalid", "ORG-GoXOn",
                "ORG-poWwe", "Errors.Org.Member.AlreadyExists", "Org-D8JxR"),
        IAM(MemberScope.IAM, Permission.IAM_MEMBER_READ, Permission.IAM_MEMBER_WRITE, Permission.IAM_MEMBER_DELETE,
                "IAM-4Mlfs", "IAM-4N8es", "Errors.IAM.MemberInvalid", "IAM-5N9vs",
                "IAM-sdgQ4", "Errors.IAM.Member.AlreadyExists", "IAM-D8JxR");

        final MemberScope scope;
        final Permission read;
        final Permission write;
        final Permission delete;
        private final String emptyId;
        private final String invalidRoleId;
        private final String invalidRoleText;
        private final String userNotFoundId;
        private final String alreadyMemberId;
        private final String alreadyMemberText;
        private final String notAMemberId;

        MemberScopeRules(MemberScope scope, Permission read, Permission write, Permission delete, String emptyId,
                         String invalidRoleId, String invalidRoleText, String userNotFoundId, String alreadyMemberId,
                         String alreadyMemberText, String notAMemberId) {
            this.scope = scope;
            this.read = read;
            this.write = write;
            this.delete = delete;
            this.emptyId = emptyId;
            this.invalidRoleId = invalidRoleId;
            this.invalidRoleText = invalidRoleText;
            this.userNotFoundId = userNotFoundId;
            this.alreadyMemberId = alreadyMemberId;
            this.alreadyMemberText = alreadyMemberText;
            this.notAMemberId = notAMemberId;
        }

        /** The audit detail of a membership: its scope and roles, e.g. {@code ORG: ORG_OWNER}. */
        static String describe(MemberScope scope, Set<Role> roles) {
            return scope + ": " + String.join(",", roles.stream().map(Role::name).sorted().toList());
        }

        static MemberScopeRules of(MemberScope scope) {
            return switch (scope) {
                case ORG -> ORG;
                case IAM -> IAM;
            };
        }

        /**
         * The id memberships of this scope hang on: the current organization's, or the instance's.
         * It is also the {@code resourceOwner} of their details, as ZITADEL's instance aggregate is owned
         * by the instance itself.
         */
        long scopeId(Organization current, InstanceRepository instances) {
            return switch (scope) {
                case ORG -> current.id();
                // AccessControl has just read the instance to authorize the call, so it exists.
                case IAM -> instances.find().orElseThrow().id();
            };
        }

        /** The named roles, each one that exists and can be granted on this scope; at least one. */
        Set<Role> roles(List<String> names) {
            if (names.isEmpty()) {
                throw new InvalidArgumentException(emptyId, "Errors.Invalid.Argument");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : names) {
                Role role = Role.named(name).filter(r -> r.scope() == scope)
                        .orElseThrow(() -> new InvalidArgumentException(invalidRoleId, invalidRoleText));
                roles.add(role);
            }
            return roles;
        }

        /** An absent user id is an invalid argument, as an empty role list is. */
        void requireUserId(String raw) {
            if (raw == null || raw.isEmpty()) {
                throw new InvalidArgumentException(emptyId, "Errors.Invalid.Argument");
            }
        }

        PreconditionFailedException userNotFound() {
            return new PreconditionFailedException(userNotFoundId, "User could not be found");
        }

        AlreadyExistsException alreadyMember() {
            return new AlreadyExistsException(alreadyMemberId, alreadyMemberText);
        }

        NotFoundException notAMember() {
            return new NotFoundException(notAMemberId, "Errors.NotFound");
        }
    }
}
