package dev.warden.http.org;

import dev.warden.http.NoAuditEvents;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.AddMemberCommand;
import dev.warden.application.port.in.AddOrgCommand;
import dev.warden.application.port.in.ChangeOrgStateCommand;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GetOrgByIdQuery;
import dev.warden.application.port.in.ListMemberRolesQuery;
import dev.warden.application.port.in.ListMembersQuery;
import dev.warden.application.port.in.ListOrgsQuery;
import dev.warden.application.port.in.MemberListResult;
import dev.warden.application.port.in.MemberRolesResult;
import dev.warden.application.port.in.OrganizationListResult;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.application.port.in.RemoveMemberCommand;
import dev.warden.application.port.in.UpdateMemberCommand;
import dev.warden.application.port.in.UpdateOrgCommand;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.TextMatch;
import dev.warden.http.HttpAdapter;
import dev.warden.http.member.MemberUseCases;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.warden.http.user.RecordingUseCases.CHANGED;
import static dev.warden.http.user.RecordingUseCases.CREATED;
import static dev.warden.http.user.RecordingUseCases.DETAILS;
import static dev.warden.http.user.RecordingUseCases.ORG_ID;
import static dev.warden.http.user.RecordingUseCases.PRINCIPAL;
import static dev.warden.http.user.RecordingUseCases.USER;
import static dev.warden.http.user.RecordingUseCases.VIEWED;
import static org.assertj.core.api.Assertions.assertThat;

/** Wire mapping of the organization, member and admin routes, against recording use cases. */
@RoutingTest
class OrgAndMemberRoutesTest {

    private static final Organization ORG = new Organization(ORG_ID, "ZITADEL", "zitadel.localhost",
            OrgState.ACTIVE, 18, CREATED, CHANGED);
    private static final Membership MEMBERSHIP = new Membership(USER.id(), MemberScope.ORG, ORG_ID,
            Set.of(Role.ORG_USER_MANAGER), 7, CREATED, CHANGED);
    private static final AtomicReference<Object> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();

    private final DirectClient client;

    OrgAndMemberRoutesTest(DirectClient client) {
        this.client = client;
    }

    private static <T> T record(Object input, T answer) {
        RECEIVED.set(input);
        RuntimeException failure = FAILURE.get();
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        OrganizationResult org = new OrganizationResult(ORG);
        OrgUseCases orgs = new OrgUseCases(q -> record(q, org), c -> record(c, org), c -> record(c, org),
                c -> record(c, DETAILS), c -> record(c, DETAILS), q -> record(q, org),
                q -> record(q, new OrganizationListResult(new Page<>(List.of(ORG), 1), VIEWED)));
        MemberUseCases members = new MemberUseCases(
                q -> record(q, new MemberRolesResult(List.of(Role.ORG_OWNER, Role.ORG_USER_MANAGER))),
                q -> record(q, new MemberListResult(new Page<>(List.of(new Member(MEMBERSHIP, USER)), 1), VIEWED)),
                c -> record(c, new DetailsResult(1, CREATED, ORG_ID)), c -> record(c, DETAILS), c -> record(c, DETAILS));
        HttpAdapter recording = new RecordingUseCases().adapter();
        WardenRouting.routing(routing, new HttpAdapter(credential ->
                credential.value().equals(RecordingUseCases.BEARER_TOKEN)
                        ? new Verification.Verified(PRINCIPAL, "test") : new Verification.Rejected("no"),
                orgs, recording.users(), members, recording.secrets(), recording.keys(), recording.oauth(),
                recording.signingKeys(), recording.projects(),
                NoAuditEvents.SEARCH));
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
        FAILURE.set(null);
    }

    private Reply call(Method method, String path, String body) {
        return RecordingUseCases.call(client, method, path, body);
    }

    @Test
    void addOrgAnswersTheNewIdWithCreationDetailsAndTakesSnakeOrCamelCase() {
        Reply reply = call(Method.POST, "/management/v1/orgs", "{\"name\":\"Customer A\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(Long.toString(ORG_ID));
        assertThat(reply.json().at("/details/creationDate").asText()).isEqualTo("2025-08-28T09:14:42.492Z");
        assertThat(reply.json().at("/details/changeDate").isMissingNode()).isTrue();
        assertThat(((AddOrgCommand) RECEIVED.get()).name()).isEqualTo("Customer A");
    }

    @Test
    void updateDeactivateReactivateAndRemoveOrgAnswerChangeDetails() {
        assertThat(call(Method.PUT, "/management/v1/orgs/me", "{\"name\":\"Renamed\"}").json()
                .at("/details/changeDate").asText()).isEqualTo("2025-08-28T09:15:10.001Z");
        assertThat(((UpdateOrgCommand) RECEIVED.get()).name()).isEqualTo("Renamed");

        Reply deactivated = call(Method.POST, "/management/v1/orgs/me/_deactivate", "{}");
        assertThat(deactivated.json().at("/details/sequence").asText()).isEqualTo("6");
        assertThat(((ChangeOrgStateCommand) RECEIVED.get()).active()).isFalse();
        call(Method.POST, "/management/v1/orgs/me/_reactivate", null);
        assertThat(((ChangeOrgStateCommand) RECEIVED.get()).active()).isTrue();
        assertThat(call(Method.DELETE, "/management/v1/orgs/me", null).json().at("/details/changeDate").isTextual())
                .isTrue();
    }

    @Test
    void memberRoutesMapBodiesScopesAndAnswers() {
        Reply roles = call(Method.POST, "/management/v1/orgs/members/roles/_search", null);
        assertThat(roles.json().get("result")).extracting(JsonNode::asText)
                .containsExactly("ORG_OWNER", "ORG_USER_MANAGER");
        assertThat(((ListMemberRolesQuery) RECEIVED.get()).scope()).isEqualTo(MemberScope.ORG);

        Reply list = call(Method.POST, "/management/v1/orgs/me/members/_search",
                "{\"query\":{\"offset\":\"0\",\"limit\":50,\"asc\":true},\"queries\":[{\"user_id_query\":{\"user_id\":\""
                        + USER.id() + "\"}}]}");
        JsonNode member = list.json().at("/result/0");
        assertThat(member.get("userId").asText()).isEqualTo(Long.toString(USER.id()));
        assertThat(member.get("roles").get(0).asText()).isEqualTo("ORG_USER_MANAGER");
        assertThat(member.get("preferredLoginName").asText()).isEqualTo("robot");
        assertThat(member.get("displayName").asText()).isEqualTo("My Machine Account");
        assertThat(member.get("userType").asText()).isEqualTo("TYPE_MACHINE");
        assertThat(member.get("userResourceOwner").asText()).isEqualTo(Long.toString(ORG_ID));
        assertThat(list.json().at("/details/totalResult").asText()).isEqualTo("1");
        ListMembersQuery query = (ListMembersQuery) RECEIVED.get();
        assertThat(query.filter()).isEqualTo(new MemberFilter.UserId(USER.id()));
        assertThat(query.page().limit()).isEqualTo(50);
        assertThat(query.page().ascending()).isTrue();

        Reply added = call(Method.POST, "/management/v1/orgs/me/members",
                "{\"userId\":\"" + USER.id() + "\",\"roles\":[\"ORG_OWNER\"]}");
        assertThat(added.json().at("/details/creationDate").isTextual()).isTrue();
        AddMemberCommand add = (AddMemberCommand) RECEIVED.get();
        assertThat(add.scope()).isEqualTo(MemberScope.ORG);
        assertThat(add.roles()).containsExactly("ORG_OWNER");

        call(Method.PUT, "/management/v1/orgs/me/members/" + USER.id(), "{\"roles\":[\"ORG_OWNER_VIEWER\"]}");
        UpdateMemberCommand update = (UpdateMemberCommand) RECEIVED.get();
        assertThat(update.userId()).isEqualTo(Long.toString(USER.id()));
        assertThat(update.roles()).containsExactly("ORG_OWNER_VIEWER");

        call(Method.DELETE, "/management/v1/orgs/me/members/" + USER.id(), null);
        assertThat(((RemoveMemberCommand) RECEIVED.get()).userId()).isEqualTo(Long.toString(USER.id()));
    }

    @Test
    void humanOnlyMemberQueriesMatchNothingAndEmptyQueriesAre400() {
        call(Method.POST, "/management/v1/orgs/me/members/_search", "{\"queries\":[{\"emailQuery\":{\"email\":\"x\"}}]}");
        assertThat(((ListMembersQuery) RECEIVED.get()).filter()).isEqualTo(new MemberFilter.Nothing());

        RECEIVED.set(null);
        RecordingUseCases.assertInvalidArgument(call(Method.POST, "/management/v1/orgs/me/members/_search",
                "{\"queries\":[{}]}"), "invalid ListOrgMembersRequest.Queries[0]");
        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void adminRoutesServeOrgsAndInstanceMembers() {
        Reply org = call(Method.GET, "/admin/v1/orgs/" + ORG_ID, null);
        assertThat(org.json().at("/org/name").asText()).isEqualTo("ZITADEL");
        assertThat(((GetOrgByIdQuery) RECEIVED.get()).orgId()).isEqualTo(Long.toString(ORG_ID));

        Reply orgs = call(Method.POST, "/admin/v1/orgs/_search",
                "{\"queries\":[{\"nameQuery\":{\"name\":\"ZIT\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}},"
                        + "{\"stateQuery\":{\"state\":\"ORG_STATE_ACTIVE\"}}]}");
        assertThat(orgs.json().at("/result/0/id").asText()).isEqualTo(Long.toString(ORG_ID));
        assertThat(((ListOrgsQuery) RECEIVED.get()).filter()).isEqualTo(new OrgFilter.And(List.of(
                new OrgFilter.Name("ZIT", TextMatch.STARTS_WITH), new OrgFilter.State(OrgState.ACTIVE))));

        call(Method.POST, "/admin/v1/members", "{\"userId\":\"1\",\"roles\":[\"IAM_OWNER\"]}");
        assertThat(((AddMemberCommand) RECEIVED.get()).scope()).isEqualTo(MemberScope.IAM);
        call(Method.POST, "/admin/v1/members/roles/_search", "{}");
        assertThat(((ListMemberRolesQuery) RECEIVED.get()).scope()).isEqualTo(MemberScope.IAM);
        call(Method.POST, "/admin/v1/members/_search", "{}");
        assertThat(((ListMembersQuery) RECEIVED.get()).scope()).isEqualTo(MemberScope.IAM);
    }

    @Test
    void applicationFailuresKeepTheContractsCodes() {
        FAILURE.set(new AlreadyExistsException("V3-DKcYh", "Organisation's name or id already taken"));
        Reply duplicate = call(Method.POST, "/management/v1/orgs", "{\"name\":\"Dup\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asInt()).isEqualTo(6);
        assertThat(duplicate.json().get("message").asText()).isEqualTo("Organisation's name or id already taken (V3-DKcYh)");

        FAILURE.set(new NotFoundException("Org-D8JxR", "Errors.NotFound"));
        Reply missing = call(Method.PUT, "/management/v1/orgs/me/members/1", "{\"roles\":[\"ORG_OWNER\"]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/details/0/id").asText()).isEqualTo("Org-D8JxR");
    }

    @Test
    void aWrongMethodOnAServedPathIs405WithAllow() {
        Reply reply = call(Method.DELETE, "/management/v1/orgs", null);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("code").asInt()).isEqualTo(12);
        assertThat(reply.json().get("message").asText()).isEqualTo("Method Not Allowed");
        assertThat(reply.response().headers().first(io.helidon.http.HeaderNames.ALLOW)).contains("POST");

        Reply me = call(Method.PATCH, "/management/v1/orgs/me", "{}");
        assertThat(me.status()).isEqualTo(405);
        assertThat(me.response().headers().first(io.helidon.http.HeaderNames.ALLOW)).contains("GET, PUT, DELETE");
        assertThat(call(Method.GET, "/admin/v1/members/123", null).status()).isEqualTo(405);
        assertThat(call(Method.GET, "/management/v1/no/such/path", null).status()).isEqualTo(404);
        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void aBodyOverTheLimitIs413JsonWithoutCallingTheUseCase() {
        Reply reply = call(Method.POST, "/management/v1/orgs", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("message").asText()).isEqualTo("Request body too large");
        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void adminRoutesNeedAuthentication() {
        var response = client.method(Method.POST).path("/admin/v1/orgs/_search").submit("{}");
        assertThat(response.status().code()).isEqualTo(401);
    }
}
