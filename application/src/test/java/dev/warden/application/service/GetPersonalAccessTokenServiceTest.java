package dev.warden.application.service;

import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetPersonalAccessTokenQuery;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.warden.application.service.UserServiceFixture.assertFails;
import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class GetPersonalAccessTokenServiceTest {

    private UserServiceFixture world;
    private GetPersonalAccessTokenService service;
    private ServiceUser robot;
    private PersonalAccessToken token;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new GetPersonalAccessTokenService(world.accessControl, world.ports.tokens);
        robot = world.ports.serviceUser(world.home, "robot");
        token = world.ports.issuePersonalAccessToken(robot, null).stored();
    }

    @Test
    void returnsTheTokensMetadata() {
        assertThat(service.getPersonalAccessToken(new GetPersonalAccessTokenQuery(world.admin(), id(robot),
                Long.toString(token.id()))).token()).isEqualTo(token);
    }

    @Test
    void tokenOfAnotherUserIsNotFound() {
        ServiceUser sibling = world.ports.serviceUser(world.home, "sibling");

        assertNotFound(id(sibling), Long.toString(token.id()));
    }

    @Test
    void tokenOfAUserOfAnotherOrganizationIsNotFound() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        PersonalAccessToken foreign = world.ports.issuePersonalAccessToken(stranger, null).stored();

        assertNotFound(id(stranger), Long.toString(foreign.id()));
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        String tokenId = Long.toString(token.id());

        assertNotFound(id(robot), "123456789");
        assertNotFound(id(robot), "abc");
        assertNotFound(id(robot), null);
        assertNotFound("abc", tokenId);
        assertNotFound(null, tokenId);
        assertNotFound(tokenId, id(robot));
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.getPersonalAccessToken(new GetPersonalAccessTokenQuery(world.withOrgRoles(),
                id(robot), Long.toString(token.id()))));
    }

    @Test
    void roleWithoutUserReadIsRefused() {
        assertPermissionDenied(() -> service.getPersonalAccessToken(new GetPersonalAccessTokenQuery(
                world.withOrgRoles(Role.ORG_SETTINGS_MANAGER), id(robot), Long.toString(token.id()))));
    }

    private void assertNotFound(String userId, String tokenId) {
        assertFails(() -> service.getPersonalAccessToken(new GetPersonalAccessTokenQuery(world.admin(), userId,
                tokenId)), NotFoundException.class, "QUERY-fRunu", "Errors.PersonalAccessToken.NotFound");
    }
}
