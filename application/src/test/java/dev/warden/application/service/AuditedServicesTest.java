package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.fakes.InMemoryAuditEventRepository;
import dev.warden.application.port.in.AddMemberCommand;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.application.port.in.GenerateMachineSecretCommand;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserTransition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The services record their security events: who, in which org, about whom, from where; never a secret. */
class AuditedServicesTest {

    private final UserServiceFixture world = new UserServiceFixture();
    private final InMemoryAuditEventRepository events = new InMemoryAuditEventRepository();
    private final AuditTrail audit = new AuditTrail(events, world.ports.ids, world.ports.clock);
    private final ServiceUser robot = world.ports.serviceUser(world.home, "robot");
    private final Caller admin = new Caller(world.admin().principal(), null, "192.0.2.7");

    @Test
    void tokenCreationAndRemovalAreRecordedWithActorTargetAndAddressButNotTheToken() {
        var added = new AddPersonalAccessTokenService(world.accessControl, world.ports.users, world.ports.tokens,
                world.ports.hasher, world.ports.ids, world.ports.clock, audit)
                .addPersonalAccessToken(new AddPersonalAccessTokenCommand(admin, Long.toString(robot.id()), null));
        new RemovePersonalAccessTokenService(world.accessControl, world.ports.tokens, world.ports.cache,
                world.ports.clock, audit).removePersonalAccessToken(new RemovePersonalAccessTokenCommand(admin,
                Long.toString(robot.id()), Long.toString(added.token().id())));

        String tokenId = Long.toString(added.token().id());
        assertThat(events.all()).extracting(AuditEvent::type, AuditEvent::actorUserId, AuditEvent::orgId,
                AuditEvent::subjectUserId, AuditEvent::targetId, AuditEvent::clientAddress).containsExactly(
                tuple(AuditEventType.PAT_ADDED, world.admin.id(), world.home.id(), robot.id(), tokenId, "192.0.2.7"),
                tuple(AuditEventType.PAT_REMOVED, world.admin.id(), world.home.id(), robot.id(), tokenId, "192.0.2.7"));
        assertThat(events.all().toString()).doesNotContain(added.tokenString());
        assertThat(events.all()).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(world.ports.clock.instant()));
    }

    @Test
    void secretCreationIsRecordedWithoutTheSecret() {
        var generated = new GenerateMachineSecretService(world.accessControl, world.ports.users, world.ports.secrets,
                world.ports.hasher, world.ports.cache, world.ports.clock, audit)
                .generateMachineSecret(new GenerateMachineSecretCommand(admin, Long.toString(robot.id())));

        assertThat(events.all()).extracting(AuditEvent::type, AuditEvent::subjectUserId)
                .containsExactly(tuple(AuditEventType.MACHINE_SECRET_SET, robot.id()));
        assertThat(events.all().toString()).doesNotContain(generated.clientSecret());
    }

    @Test
    void deactivationReactivationAndDeletionAreRecorded() {
        var states = new ChangeUserStateService(world.accessControl, world.ports.users, world.ports.cache,
                world.ports.clock, audit);
        states.changeUserState(new ChangeUserStateCommand(admin, Long.toString(robot.id()), UserTransition.DEACTIVATE));
        states.changeUserState(new ChangeUserStateCommand(admin, Long.toString(robot.id()), UserTransition.REACTIVATE));
        new RemoveUserService(world.accessControl, world.ports.users, world.ports.cache, world.ports.clock, audit)
                .removeUser(new RemoveUserCommand(admin, Long.toString(robot.id())));

        assertThat(events.all()).extracting(AuditEvent::type).containsExactly(AuditEventType.USER_DEACTIVATED,
                AuditEventType.USER_REACTIVATED, AuditEventType.USER_REMOVED);
    }

    @Test
    void roleChangesNameTheScopeAndRoles() {
        new AddMemberService(world.accessControl, world.ports.memberships, world.ports.users, world.ports.instances,
                world.ports.clock, audit).addMember(new AddMemberCommand(admin, MemberScope.ORG,
                Long.toString(robot.id()), List.of("ORG_USER_MANAGER", "ORG_OWNER_VIEWER")));

        assertThat(events.all()).extracting(AuditEvent::type, AuditEvent::subjectUserId, AuditEvent::targetId,
                AuditEvent::detail).containsExactly(tuple(AuditEventType.MEMBER_ADDED, robot.id(),
                Long.toString(world.home.id()), "ORG: ORG_OWNER_VIEWER,ORG_USER_MANAGER"));
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        Caller outsider = world.withOrgRoles();
        var service = new RemoveUserService(world.accessControl, world.ports.users, world.ports.cache,
                world.ports.clock, audit);

        UserServiceFixture.assertNoMembership(() -> service.removeUser(
                new RemoveUserCommand(outsider, Long.toString(robot.id()))));

        assertThat(events.all()).isEmpty();
    }

    @Test
    void aLostAuditWriteDoesNotUndoOrFailTheChange() {
        events.failing(true);
        IssuedToken before = world.ports.issuePersonalAccessToken(robot, null);

        new RemovePersonalAccessTokenService(world.accessControl, world.ports.tokens, world.ports.cache,
                world.ports.clock, audit).removePersonalAccessToken(new RemovePersonalAccessTokenCommand(admin,
                Long.toString(robot.id()), Long.toString(before.stored().id())));

        assertThat(world.ports.tokens.findById(before.stored().id())).isEmpty();
    }
}
