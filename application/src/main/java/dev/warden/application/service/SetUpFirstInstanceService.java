package dev.warden.application.service;

import dev.warden.application.port.in.FirstInstanceResult;
import dev.warden.application.port.in.SetUpFirstInstanceCommand;
import dev.warden.application.port.in.SetUpFirstInstanceUseCase;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.TokenKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates the first instance once, atomically; a second call, on any node, creates nothing. */
public final class SetUpFirstInstanceService implements SetUpFirstInstanceUseCase {

    private final InstanceRepository instances;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public SetUpFirstInstanceService(InstanceRepository instances, SecretHasher hasher, IdGenerator ids,
                                     Clock clock) {
        this.instances = instances;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public FirstInstanceResult setUpFirstInstance(SetUpFirstInstanceCommand command) {
        Optional<Instance> existing = instances.find();
        if (existing.isPresent()) {
            return notCreated(existing.get());
        }
        Instant now = clock.instant();
        Organization org = Organization.create(ids.nextId(), command.orgName(), command.instanceDomain(), now);
        Instance instance = new Instance(ids.nextId(), org.id(), now);
        ServiceUser admin = ServiceUser.create(ids.nextId(), org.id(), command.adminUserName(),
                command.adminDisplayName(), now);
        List<Membership> memberships = List.of(
                Membership.grant(admin.id(), MemberScope.IAM, instance.id(), Set.of(Role.IAM_OWNER), now),
                Membership.grant(admin.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), now));
        OpaqueToken token = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, ids.nextId());
        PersonalAccessToken pat = PersonalAccessToken.create(token.id(), admin.id(), org.id(),
                hasher.hash(token.secret()), command.tokenExpiration(), now);

        if (!instances.initialize(new InstanceSetup(instance, org, admin, memberships, pat))) {
            // Another node won the race: its set-up stands, ours was not stored.
            return notCreated(instances.find().orElseThrow());
        }
        return new FirstInstanceResult(true, instance.id(), org.id(), admin.id(), Optional.of(token.encode()));
    }

    private static FirstInstanceResult notCreated(Instance instance) {
        return new FirstInstanceResult(false, instance.id(), instance.defaultOrgId(), 0, Optional.empty());
    }
}
