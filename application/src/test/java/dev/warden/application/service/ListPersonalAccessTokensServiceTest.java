package dev.warden.application.service;

import dev.warden.application.port.in.ListPersonalAccessTokensQuery;
import dev.warden.application.port.in.PersonalAccessTokenListResult;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.warden.application.service.UserServiceFixture.assertNoMembership;
import static dev.warden.application.service.UserServiceFixture.assertPermissionDenied;
import static dev.warden.application.service.UserServiceFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

class ListPersonalAccessTokensServiceTest {

    private UserServiceFixture world;
    private ListPersonalAccessTokensService service;
    private ServiceUser robot;
    private PersonalAccessToken first;
    private PersonalAccessToken second;

    @BeforeEach
    void setUp() {
        world = new UserServiceFixture();
        service = new ListPersonalAccessTokensService(world.accessControl, world.ports.users, world.ports.tokens,
                world.ports.clock);
        robot = world.ports.serviceUser(world.home, "robot");
        first = world.ports.issuePersonalAccessToken(robot, null).stored();
        world.ports.clock.advance(Duration.ofSeconds(1));
        second = world.ports.issuePersonalAccessToken(robot, null).stored();
        world.ports.issuePersonalAccessToken(world.admin, null);
        world.ports.clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void listsTheUsersTokensByCreationPaged() {
        PersonalAccessTokenListResult all = list(id(robot), new PageRequest(0, 0, true));
        PersonalAccessTokenListResult newest = list(id(robot), new PageRequest(0, 1, false));

        assertThat(all.page()).isEqualTo(new Page<>(List.of(first, second), 2));
        assertThat(newest.page()).isEqualTo(new Page<>(List.of(second), 2));
        assertThat(all.viewedAt()).isEqualTo(world.ports.clock.instant());
    }

    @Test
    void unknownOrForeignUserHasAnEmptyList() {
        ServiceUser stranger = world.ports.serviceUser(world.other, "stranger");
        world.ports.issuePersonalAccessToken(stranger, null);

        for (String userId : new String[] {id(stranger), "123456789", "robot", null}) {
            PersonalAccessTokenListResult result = list(userId, PageRequest.ALL);
            assertThat(result.page()).as(userId).isEqualTo(new Page<>(List.of(), 0));
            assertThat(result.viewedAt()).isEqualTo(world.ports.clock.instant());
        }
    }

    @Test
    void callerWithoutMembershipIsRefused() {
        assertNoMembership(() -> service.listPersonalAccessTokens(new ListPersonalAccessTokensQuery(
                world.withOrgRoles(), id(robot), PageRequest.ALL)));
    }

    @Test
    void roleWithoutUserReadIsRefused() {
        assertPermissionDenied(() -> service.listPersonalAccessTokens(new ListPersonalAccessTokensQuery(
                world.withOrgRoles(Role.ORG_PROJECT_CREATOR), id(robot), PageRequest.ALL)));
    }

    private PersonalAccessTokenListResult list(String userId, PageRequest page) {
        return service.listPersonalAccessTokens(new ListPersonalAccessTokensQuery(world.admin(), userId, page));
    }
}
