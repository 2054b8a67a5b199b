package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.TokenKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddPersonalAccessTokenServiceTest {

    private UserServiceFixture world;
    private AddPersonalAccessTokenService service;
    private ServiceUser robot;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new AddPersonalAccessTokenService(world.accessControl, world.ports.users, world.ports.tokens,
                world.ports.hasher, world.ports.ids, world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
    }

    @Test
    void storesOnlyTheHashAndReturnsTheTokenOnce() {
        Instant expiration = Instant.parse("2030-06-01T00:00:00Z");

        AddedPersonalAccessTokenResult result = add(id(robot), expiration);

        PersonalAccessToken stored = world.ports.tokens.findById(result.token().id()).orElseThrow();
        assertThat(stored).isEqualTo(result.token());
        assertThat(stored.userId()).isEqualTo(robot.id());
        assertThat(stored.orgId()).isEqualTo(world.home.id());
        assertThat(stored.expiresAt()).isEqualTo(expiration);
        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.createdAt()).isEqualTo(world.ports.clock.instant());
        assertThat(stored.lastUsedAt()).isNull();
        OpaqueToken token = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, result.tokenString()).orElseThrow();
        assertThat(token.id()).isEqualTo(stored.id());
        assertThat(world.ports.hasher.verify(stored.secretHash(), token.secret())).isTrue();
        assertThat(stored.secretHash().phc()).doesNotContain(result.tokenString().substring(8));
        assertThat(result.toString()).doesNotContain(result.tokenString());
    }

    @Test
    void issuedTokenAuthenticatesAsItsUser() {
        AddedPersonalAccessTokenResult result = add(id(robot), null);

        Verification verification = world.verify(result.tokenString());

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) verification).principal().userId()).isEqualTo(robot.id());
    }

    @Test
    void absentExpirationMeansZitadelsFarFutureDate() {
        assertThat(add(id(robot), null).token().expiresAt()).isEqualTo(PersonalAccessToken.NO_EXPIRATION)
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void everyTokenHasItsOwnIdAndString() {
        AddedPersonalAccessTokenResult first = add(id(robot), null);
        AddedPersonalAccessTokenResult second = add(id(robot), null);

        assertThat(first.token().id()).isNotEqualTo(second.token().id());
        assertThat(first.tokenString()).isNotEqualTo(second.tokenString());
        assertThat(world.ports.tokens.findByUser(robot.id())).hasSize(2);
    }

    @Test
    void inactiveUserMayStillGetAToken() {
        world.ports.users.save(robot.withState(UserState.INACTIVE, world.ports.clock.instant()));

        assertThat(add(id(robot), null).token().userId()).isEqualTo(robot.id());
    }

    @Test
    void expirationNowOrInThePastIsInvalidAndNothingIsStored() {
        Instant now = world.ports.clock.instant();

        for (Instant expiration : new Instant[] {now, now.minusMillis(1), Instant.EPOCH}) {
            assertFails(() -> add(id(robot), expiration), InvalidArgumentException.class, "DOMAIN-dv3t5",
                    "Errors.AuthNKey.ExpireBeforeNow");
        }
        assertThat(world.ports.tokens.all()).isEmpty();
    }

    @Test
    void unknownOrForeignUserIsAPreconditionFailureAndNothingIsStored() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        for (String userId : new String[] {id(stranger), "123456789", "robot", null}) {
            assertFails(() -> add(userId, null), PreconditionFailedException.class, "COMMAND-Dggw2",
                    "User could not be found");
        }
        assertThat(world.ports.tokens.all()).isEmpty();
    }

    @Test
    void hasherThatShedsLoadStoresNothing() {
        world.ports.hasher.setUnavailable(true);

        assertThatThrownBy(() -> add(id(robot), null)).isInstanceOf(UnavailableException.class);
        assertThat(world.ports.tokens.all()).isEmpty();
    }

    @Test
    void callerWithoutMembershipIsRefusedAndNothingIsStored() {
        assertNoMembership(() -> service.addPersonalAccessToken(new AddPersonalAccessTokenCommand(
                world.withOrgRoles(), id(robot), null)));
        assertThat(world.ports.tokens.all()).isEmpty();
    }

    @Test
    void roleWithoutUserWriteIsRefusedAndNothingIsStored() {
        assertPermissionDenied(() -> service.addPersonalAccessToken(new AddPersonalAccessTokenCommand(
                world.withIamRoles(world.home, Role.IAM_OWNER_VIEWER), id(robot), null)));
        assertThat(world.ports.tokens.all()).isEmpty();
    }

    @Test
    void instanceOwnerIssuesATokenForAUserOfAnotherOrganizationThroughTheHeader() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");

        AddedPersonalAccessTokenResult result = service.addPersonalAccessToken(new AddPersonalAccessTokenCommand(
                world.withIamRoles(world.other, Role.IAM_OWNER), id(stranger), null));

        assertThat(result.token().orgId()).isEqualTo(world.other.id());
    }

    private AddedPersonalAccessTokenResult add(String userId, Instant expiration) {
        return service.addPersonalAccessToken(new AddPersonalAccessTokenCommand(world.admin(), userId, expiration));
    }
}
