package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class RemovePersonalAccessTokenServiceTest {

    private UserServiceFixture world;
    private RemovePersonalAccessTokenService service;
    private ServiceUser robot;
    private IssuedToken issued;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new RemovePersonalAccessTokenService(world.accessControl, world.ports.tokens, world.ports.cache,
                world.ports.clock, AuditTrail.none());
        robot = world.ports.serviceUser(world.home, "robot");
        issued = world.ports.issuePersonalAccessToken(robot, null);
        world.ports.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void removesTheTokenAndWritesTheChangeFeed() {
        DetailsResult details = remove(id(robot), tokenId());

        assertThat(details).isEqualTo(new DetailsResult(issued.stored().sequence() + 1, world.ports.clock.instant(),
                world.home.id()));
        assertThat(world.ports.tokens.findById(issued.stored().id())).isEmpty();
        assertThat(world.ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.CREDENTIAL_REVOKED, issued.stored().id()));
    }

    @Test
    void revokedTokenIsRefusedOnTheVeryNextRequest() {
        assertThat(world.verify(issued.token())).isInstanceOf(Verification.Verified.class);

        remove(id(robot), tokenId());

        assertThat(world.verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void otherTokensOfTheUserKeepWorkingFromTheCache() {
        IssuedToken kept = world.ports.issuePersonalAccessToken(robot, null);
        world.verify(kept.token());
        world.verify(issued.token());

        remove(id(robot), tokenId());

        assertThat(world.ports.cache.size()).isEqualTo(1);
        int hits = world.ports.cache.hits();
        assertThat(world.verify(kept.token())).isInstanceOf(Verification.Verified.class);
        assertThat(world.ports.cache.hits()).isEqualTo(hits + 1);
    }

    @Test
    void tokenOfAnotherUserIsNotFoundAndStays() {
        ServiceUser sibling = world.ports.serviceUser(world.home, "sibling");

        assertNotFound(id(sibling), tokenId());
        assertThat(world.ports.tokens.findById(issued.stored().id())).isPresent();
    }

    @Test
    void tokenOfAUserOfAnotherOrganizationIsNotFoundAndStays() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        IssuedToken foreign = world.ports.issuePersonalAccessToken(stranger, null);

        assertNotFound(id(stranger), Long.toString(foreign.stored().id()));
        assertThat(world.ports.tokens.findById(foreign.stored().id())).isPresent();
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        assertNotFound(id(robot), "123456789");
        assertNotFound(id(robot), "abc");
        assertNotFound("abc", tokenId());
        assertNotFound(null, null);
        assertThat(world.ports.changes.all()).isEmpty();
    }

    @Test
    void secondRemovalIsNotFound() {
        remove(id(robot), tokenId());

        assertNotFound(id(robot), tokenId());
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.removePersonalAccessToken(new RemovePersonalAccessTokenCommand(
                world.withOrgRoles(), id(robot), tokenId())));
        assertThat(world.ports.tokens.findById(issued.stored().id())).isPresent();
    }

    @Test
    void roleWithoutUserWriteIsRefused() {
        assertPermissionDenied(() -> service.removePersonalAccessToken(new RemovePersonalAccessTokenCommand(
                world.withOrgRoles(Role.ORG_OWNER_VIEWER), id(robot), tokenId())));
        assertThat(world.ports.tokens.findById(issued.stored().id())).isPresent();
    }

    private String tokenId() {
        return Long.toString(issued.stored().id());
    }

    private DetailsResult remove(String userId, String tokenId) {
        return service.removePersonalAccessToken(new RemovePersonalAccessTokenCommand(world.admin(), userId, tokenId));
    }

    private void assertNotFound(String userId, String tokenId) {
        assertFails(() -> remove(userId, tokenId), NotFoundException.class, "COMMAND-4m77G",
                "Personal Access Token not found");
    }
}
