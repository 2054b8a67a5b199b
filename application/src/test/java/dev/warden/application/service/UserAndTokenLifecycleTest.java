package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.Verification;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.AddMachineUserCommand;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.domain.serviceuser.UserTransition;
import dev.warden.application.port.in.GetMyOrgQuery;
import dev.warden.application.port.in.ListPersonalAccessTokensQuery;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole life of a service user and its tokens through the services, the PAT verifier and access
 * control, all on one set of in-memory fakes: create → PATs → refused without membership → granted →
 * allowed → revoked → refused; deactivated → refused; reactivated → allowed again.
 */
class UserAndTokenLifecycleTest {

    private final UserServiceFixture world = new UserServiceFixture();
    private final FakePorts ports = world.ports;
    private final AccessControl accessControl = world.accessControl;

    private final AddMachineUserService addUser = new AddMachineUserService(accessControl, ports.users, ports.ids,
            ports.clock);
    private final AddPersonalAccessTokenService addPat = new AddPersonalAccessTokenService(accessControl, ports.users,
            ports.tokens, ports.hasher, ports.ids, ports.clock, AuditTrail.none());
    private final ListPersonalAccessTokensService listPats = new ListPersonalAccessTokensService(accessControl,
            ports.users, ports.tokens, ports.clock);
    private final RemovePersonalAccessTokenService removePat = new RemovePersonalAccessTokenService(accessControl,
            ports.tokens, ports.cache, ports.clock, AuditTrail.none());
    private final ChangeUserStateService changeState = new ChangeUserStateService(accessControl, ports.users,
            ports.cache, ports.clock, AuditTrail.none());
    private final GetMyOrgService getMyOrg = new GetMyOrgService(accessControl);

    @Test
    void serviceUserAndItsTokensFromCreationToDeactivationAndBack() {
        Caller admin = world.admin();
        ServiceUser robot = addUser.addMachineUser(new AddMachineUserCommand(admin, "robot", "Robot", "CI", null,
                null)).user();
        String robotId = Long.toString(robot.id());
        Instant expiration = ports.clock.instant().plusSeconds(86_400);
        AddedPersonalAccessTokenResult expiring = addPat.addPersonalAccessToken(
                new AddPersonalAccessTokenCommand(admin, robotId, expiration));
        AddedPersonalAccessTokenResult lasting = addPat.addPersonalAccessToken(
                new AddPersonalAccessTokenCommand(admin, robotId, null));
        assertThat(listPats.listPersonalAccessTokens(new ListPersonalAccessTokensQuery(admin, robotId,
                PageRequest.ALL)).page().items()).extracting(PersonalAccessToken::expiresAt)
                .containsExactlyInAnyOrder(expiration, PersonalAccessToken.NO_EXPIRATION);

        // The token authenticates, but a new user has no membership: management calls are refused.
        Principal viaExpiring = verified(expiring.tokenString());
        assertThat(viaExpiring.userId()).isEqualTo(robot.id());
        assertThat(viaExpiring.orgId()).isEqualTo(world.home.id());
        assertThat(viaExpiring.expiresAt()).isEqualTo(expiration);
        assertThatThrownBy(() -> getMyOrg.getMyOrg(new GetMyOrgQuery(viaExpiring, null)))
                .isInstanceOf(NotFoundException.class);

        ports.grant(robot, MemberScope.ORG, world.home.id(), Role.ORG_OWNER);
        assertThat(getMyOrg.getMyOrg(new GetMyOrgQuery(verified(expiring.tokenString()), null)).organization())
                .isEqualTo(world.home);

        // Revocation: the very next request with that token is refused; the other token still works.
        removePat.removePersonalAccessToken(new RemovePersonalAccessTokenCommand(admin, robotId,
                Long.toString(expiring.token().id())));
        assertThat(world.verify(expiring.tokenString())).isInstanceOf(Verification.Rejected.class);
        Principal viaLasting = verified(lasting.tokenString());
        assertThat(getMyOrg.getMyOrg(new GetMyOrgQuery(viaLasting, null)).organization()).isEqualTo(world.home);

        // Deactivation suspends the remaining token at once, even though it is cached.
        changeState.changeUserState(new ChangeUserStateCommand(admin, robotId, UserTransition.DEACTIVATE));
        assertThat(world.verify(lasting.tokenString())).isInstanceOf(Verification.Rejected.class);

        // Reactivation restores it: the token was suspended, not deleted.
        changeState.changeUserState(new ChangeUserStateCommand(admin, robotId, UserTransition.REACTIVATE));
        Principal again = verified(lasting.tokenString());
        assertThat(getMyOrg.getMyOrg(new GetMyOrgQuery(again, null)).organization()).isEqualTo(world.home);
        assertThat(world.verify(expiring.tokenString())).isInstanceOf(Verification.Rejected.class);
    }

    private Principal verified(String token) {
        Verification verification = world.verify(token);
        assertThat(verification).isInstanceOf(Verification.Verified.class);
        return ((Verification.Verified) verification).principal();
    }
}
