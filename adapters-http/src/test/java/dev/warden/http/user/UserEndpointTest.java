package dev.warden.http.user;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.ConflictException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddMachineUserCommand;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.domain.serviceuser.UserTransition;
import dev.warden.application.port.in.GetUserQuery;
import dev.warden.application.port.in.ListUsersQuery;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.application.port.in.UpdateMachineUserCommand;
import dev.warden.application.port.in.UpdateUserNameCommand;
import dev.warden.application.port.in.UserListResult;
import dev.warden.application.port.in.UserResult;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.warden.http.user.RecordingUseCases.CALLER;
import static dev.warden.http.user.RecordingUseCases.CHANGED;
import static dev.warden.http.user.RecordingUseCases.CREATED;
import static dev.warden.http.user.RecordingUseCases.ORG_ID;
import static dev.warden.http.user.RecordingUseCases.PRINCIPAL;
import static dev.warden.http.user.RecordingUseCases.USER;
import static dev.warden.http.user.RecordingUseCases.USER_ID;
import static dev.warden.http.user.RecordingUseCases.VIEWED;
import static dev.warden.http.user.RecordingUseCases.assertInvalidArgument;
import static dev.warden.http.user.RecordingUseCases.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The machine-user routes: wire shapes, commands built from bodies, and error mapping. */
@RoutingTest
class UserEndpointTest {

    private static final RecordingUseCases USE_CASES = new RecordingUseCases();
    private static final String USERS = "/management/v1/users";
    private static final String DETAILS_OF_A_WRITE = """
            {"details":{"sequence":"6","changeDate":"2025-08-28T09:20:00Z","resourceOwner":"291743516339486721"}}""";

    private final DirectClient client;

    UserEndpointTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        WardenRouting.routing(routing, USE_CASES.adapter());
    }

    @BeforeEach
    void reset() {
        USE_CASES.reset();
    }

    private Reply call(Method method, String path, String body) {
        return RecordingUseCases.call(client, method, path, body);
    }

    private Reply call(Method method, String path, String body, String orgId) {
        return RecordingUseCases.call(client, method, path, body, orgId);
    }

    // --- POST /users/machine -------------------------------------------------------------------

    @Test
    void addMachineUserAnswersTheIdAndChangeDetailsAsZitadelDoes() {
        ServiceUser created = ServiceUser.create(USER_ID, ORG_ID, "robot", "My Machine Account", "CI bot",
                AccessTokenType.JWT, CREATED);
        USE_CASES.answer(UserResult.class, new UserResult(created));

        Reply reply = call(Method.POST, USERS + "/machine", """
                {"userName":"robot","name":"My Machine Account","description":"CI bot",
                 "accessTokenType":"ACCESS_TOKEN_TYPE_JWT"}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().contentType().orElseThrow().text()).startsWith("application/json");
        // changeDate, not creationDate (contract §2.1); int64 values as strings.
        assertThat(reply.json()).isEqualTo(json("""
                {"userId":"291745830282477569",
                 "details":{"sequence":"1","changeDate":"2025-08-28T09:14:42.492Z","resourceOwner":"291743516339486721"}}"""));
        assertThat(USE_CASES.received()).isEqualTo(new AddMachineUserCommand(CALLER, "robot", "My Machine Account",
                "CI bot", AccessTokenType.JWT, null));
    }

    @Test
    void addMachineUserAcceptsSnakeCaseEnumNumbersCallerChosenIdsAndIgnoresUnknownFields() {
        Reply reply = call(Method.POST, USERS + "/machine", """
                {"user_name":"robot","name":"Robot","access_token_type":1,"user_id":"4711",
                 "unknown":{"nested":[1,2]},"hasSecret":true}""", "291743516339486999");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(USE_CASES.received()).isEqualTo(new AddMachineUserCommand(
                RecordingUseCases.caller("291743516339486999"), "robot", "Robot", null, AccessTokenType.JWT, "4711"));
    }

    @Test
    void addMachineUserTakesAnEmptyBodyAsAnEmptyObjectWithTheBearerDefault() {
        for (String body : new String[] {null, "", "{}", "  ", "null"}) {
            USE_CASES.reset();
            assertThat(call(Method.POST, USERS + "/machine", body).status()).as(String.valueOf(body)).isEqualTo(200);
            assertThat(USE_CASES.received()).isEqualTo(new AddMachineUserCommand(CALLER, null, null, null,
                    AccessTokenType.BEARER, null));
        }
        call(Method.POST, USERS + "/machine", "{\"accessTokenType\":\"ACCESS_TOKEN_TYPE_BEARER\"}");
        assertThat(((AddMachineUserCommand) USE_CASES.received()).accessTokenType()).isEqualTo(AccessTokenType.BEARER);
        call(Method.POST, USERS + "/machine", "{\"accessTokenType\":0}");
        assertThat(((AddMachineUserCommand) USE_CASES.received()).accessTokenType()).isEqualTo(AccessTokenType.BEARER);
    }

    @Test
    void addMachineUserRefusesUnknownTokenTypes() {
        for (String type : List.of("\"JWT\"", "\"access_token_type_jwt\"", "2", "-1", "true", "1.5", "\"1\"", "{}")) {
            Reply reply = call(Method.POST, USERS + "/machine", "{\"userName\":\"robot\",\"accessTokenType\":" + type + "}");
            assertInvalidArgument(reply, "invalid AddMachineUserRequest.AccessTokenType: value must be one of "
                    + "ACCESS_TOKEN_TYPE_BEARER, ACCESS_TOKEN_TYPE_JWT");
        }
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void moreThanAThousandIdsInOneQueryIs400() {
        String ids = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(i -> "\"" + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        assertInvalidArgument(call(Method.POST, USERS + "/_search", "{\"queries\":[{\"inUserIdsQuery\":{\"userIds\":["
                + ids + "]}}]}"), "invalid ListUsersRequest.Queries[0].InUserIdsQuery.UserIds: at most 1000 ids");
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void malformedBodiesAre400InvalidArgumentOnEveryWriteRoute() {
        Map<String, String> routes = Map.of(
                "POST " + USERS + "/machine", "AddMachineUserRequest",
                "PUT " + USERS + "/4711/machine", "UpdateMachineRequest",
                "PUT " + USERS + "/4711/username", "UpdateUserNameRequest",
                "POST " + USERS + "/_search", "ListUsersRequest",
                "POST " + USERS + "/4711/_deactivate", "DeactivateUserRequest",
                "POST " + USERS + "/4711/_reactivate", "ReactivateUserRequest",
                "POST " + USERS + "/4711/_lock", "LockUserRequest",
                "POST " + USERS + "/4711/_unlock", "UnlockUserRequest");
        for (var route : routes.entrySet()) {
            String[] parts = route.getKey().split(" ");
            for (String body : List.of("{", "[]", "\"text\"", "42", "{\"a\":1,}", "{'a':1}", "{\"a\":1}{")) {
                Reply reply = call(Method.create(parts[0]), parts[1], body);
                assertInvalidArgument(reply, "invalid " + route.getValue() + ": body ");
            }
        }
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void fieldsOfTheWrongTypeAre400NamingTheField() {
        assertInvalidArgument(call(Method.POST, USERS + "/machine", "{\"userName\":{\"a\":1}}"),
                "invalid AddMachineUserRequest: a field has the wrong type: userName");
        assertInvalidArgument(call(Method.PUT, USERS + "/1/username", "{\"user_name\":[\"a\"]}"),
                "invalid UpdateUserNameRequest: a field has the wrong type: userName");
        assertInvalidArgument(call(Method.POST, USERS + "/_search", "{\"queries\":{\"userNameQuery\":{}}}"),
                "invalid ListUsersRequest: a field has the wrong type: queries");
        assertInvalidArgument(call(Method.POST, USERS + "/_search", "{\"query\":[]}"),
                "invalid ListUsersRequest: a field has the wrong type: query");
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void applicationFailuresKeepTheirCodesAndIds() {
        USE_CASES.failWith(new AlreadyExistsException("V3-DKcYh", "User already exists"));
        Reply conflict = call(Method.POST, USERS + "/machine", "{\"userName\":\"robot\",\"name\":\"Robot\"}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json()).isEqualTo(json("""
                {"code":6,"message":"User already exists (V3-DKcYh)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"V3-DKcYh","message":"User already exists"}]}"""));

        USE_CASES.failWith(new PreconditionFailedException("COMMAND-k2una", "Errors.User.AlreadyExisting"));
        Reply precondition = call(Method.POST, USERS + "/machine", "{\"userId\":\"4711\"}");
        assertThat(precondition.status()).isEqualTo(400);
        assertThat(precondition.json().get("code").asInt()).isEqualTo(9);
        assertThat(precondition.json().get("message").asText())
                .isEqualTo("Errors.User.AlreadyExisting (COMMAND-k2una)");

        USE_CASES.failWith(new InvalidArgumentException("COMMAND-bs9Ds", "Userdata is invalid"));
        Reply invalid = call(Method.POST, USERS + "/machine", "{}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asInt()).isEqualTo(3);
        assertThat(invalid.json().get("details").get(0).get("id").asText()).isEqualTo("COMMAND-bs9Ds");
    }

    @Test
    void unexpectedFailuresAreAnOpaque500() {
        USE_CASES.failWith(new IllegalStateException("database said: SELECT * FROM users"));

        Reply reply = call(Method.GET, USERS + "/4711", null);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("code").asInt()).isEqualTo(13);
        assertThat(reply.text()).doesNotContain("SELECT").doesNotContain("IllegalState");
    }

    @Test
    void everyRouteNeedsAuthenticationBeforeItReadsTheBody() {
        for (String[] route : new String[][] {{"POST", USERS + "/machine"}, {"GET", USERS + "/1"},
                {"PUT", USERS + "/1/machine"}, {"PUT", USERS + "/1/username"}, {"POST", USERS + "/_search"},
                {"POST", USERS + "/1/_deactivate"}, {"POST", USERS + "/1/_lock"}, {"DELETE", USERS + "/1"}}) {
            var response = client.method(Method.create(route[0])).path(route[1]).submit("{not json");
            assertThat(response.status().code()).as(route[1]).isEqualTo(401);
        }
        assertThat(USE_CASES.received()).isNull();
    }

    // --- GET /users/{id} -----------------------------------------------------------------------

    @Test
    void getUserAnswersTheMachineUserAsZitadelDoes() {
        Reply reply = call(Method.GET, USERS + "/291745830282477569", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"user":{
                  "id":"291745830282477569",
                  "details":{"sequence":"3","creationDate":"2025-08-28T09:14:42.492Z",
                             "changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"},
                  "state":"USER_STATE_ACTIVE",
                  "userName":"robot",
                  "loginNames":["robot"],
                  "preferredLoginName":"robot",
                  "machine":{"name":"My Machine Account","description":"CI bot","accessTokenType":"ACCESS_TOKEN_TYPE_JWT"}}}"""));
        assertThat(USE_CASES.received()).isEqualTo(new GetUserQuery(CALLER, "291745830282477569"));
    }

    @Test
    void getUserOmitsZeroValuesBearerTypeAndEmptyDescription() {
        USE_CASES.answer(UserResult.class, new UserResult(new ServiceUser(USER_ID, ORG_ID, "robot", "Robot", "",
                AccessTokenType.BEARER, UserState.ACTIVE, 1, CREATED, CREATED)));

        Reply reply = call(Method.GET, USERS + "/291745830282477569", null);

        assertThat(reply.json().get("user").get("machine")).isEqualTo(json("{\"name\":\"Robot\"}"));
        assertThat(reply.text()).doesNotContain("hasSecret").doesNotContain("BEARER").doesNotContain("null");
    }

    @Test
    void getUserOfAUserWithASecretSaysSoWhereZitadelDoes() {
        USE_CASES.answer(UserResult.class, new UserResult(USER, true));

        Reply reply = call(Method.GET, USERS + "/291745830282477569", null);

        assertThat(reply.json().get("user").get("machine")).isEqualTo(json("""
                {"name":"My Machine Account","description":"CI bot","hasSecret":true,
                 "accessTokenType":"ACCESS_TOKEN_TYPE_JWT"}"""));
        // protojson writes the fields in the order of zitadel.user.v1.Machine.
        assertThat(reply.text()).contains("\"description\":\"CI bot\",\"hasSecret\":true,\"accessTokenType\"");
    }

    @Test
    void getUserWritesEveryStateByItsZitadelName() {
        Map<UserState, String> names = Map.of(UserState.ACTIVE, "USER_STATE_ACTIVE",
                UserState.INACTIVE, "USER_STATE_INACTIVE", UserState.LOCKED, "USER_STATE_LOCKED",
                UserState.DELETED, "USER_STATE_DELETED");
        for (var state : names.entrySet()) {
            USE_CASES.answer(UserResult.class, new UserResult(USER.withState(state.getKey(), CHANGED)));
            assertThat(call(Method.GET, USERS + "/1", null).json().get("user").get("state").asText())
                    .isEqualTo(state.getValue());
        }
    }

    @Test
    void getUserPassesTheIdAsSentAndTheOrgHeader() {
        call(Method.GET, USERS + "/not-a-number", null, "291743516339486999");

        assertThat(USE_CASES.received()).isEqualTo(new GetUserQuery(RecordingUseCases.caller("291743516339486999"),
                "not-a-number"));
    }

    @Test
    void unknownUserIs404WithTheErrorId() {
        USE_CASES.failWith(new NotFoundException("QUERY-Dfbg2", "User could not be found"));

        Reply reply = call(Method.GET, USERS + "/4711", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).isEqualTo(json("""
                {"code":5,"message":"User could not be found (QUERY-Dfbg2)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"QUERY-Dfbg2","message":"User could not be found"}]}"""));
    }

    // --- PUT /users/{userId}/machine and /username ---------------------------------------------

    @Test
    void updateMachineTakesThePathIdAndAnswersChangeDetails() {
        Reply reply = call(Method.PUT, USERS + "/4711/machine", """
                {"name":"New name","description":"new","accessTokenType":"ACCESS_TOKEN_TYPE_BEARER","userId":"999"}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"sequence":"3","changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"}}"""));
        assertThat(USE_CASES.received()).isEqualTo(new UpdateMachineUserCommand(CALLER, "4711", "New name", "new",
                AccessTokenType.BEARER));
    }

    @Test
    void updateMachineAcceptsSnakeCaseNumbersEmptyBodiesAndTheOrgHeader() {
        call(Method.PUT, USERS + "/4711/machine", "{\"name\":\"n\",\"access_token_type\":1}", "77");
        assertThat(USE_CASES.received()).isEqualTo(new UpdateMachineUserCommand(RecordingUseCases.caller("77"), "4711",
                "n", null, AccessTokenType.JWT));

        assertThat(call(Method.PUT, USERS + "/4711/machine", null).status()).isEqualTo(200);
        assertThat(USE_CASES.received()).isEqualTo(new UpdateMachineUserCommand(CALLER, "4711", null, null,
                AccessTokenType.BEARER));

        assertInvalidArgument(call(Method.PUT, USERS + "/4711/machine", "{\"accessTokenType\":\"OPAQUE\"}"),
                "invalid UpdateMachineRequest.AccessTokenType: value must be one of");
    }

    @Test
    void updateUserNameBuildsTheCommandFromEitherCase() {
        Reply reply = call(Method.PUT, USERS + "/4711/username", "{\"user_name\":\"robot-2\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"sequence":"3","changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"}}"""));
        assertThat(USE_CASES.received()).isEqualTo(new UpdateUserNameCommand(CALLER, "4711", "robot-2"));

        call(Method.PUT, USERS + "/4711/username", "{\"userName\":\"robot-3\",\"user_name\":\"ignored\"}", "77");
        assertThat(USE_CASES.received()).isEqualTo(new UpdateUserNameCommand(RecordingUseCases.caller("77"), "4711",
                "robot-3"));
    }

    @Test
    void updateUserNameConflictIs409() {
        USE_CASES.failWith(new AlreadyExistsException("V3-DKcYh", "User already exists"));

        Reply reply = call(Method.PUT, USERS + "/4711/username", "{\"userName\":\"taken\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("code").asInt()).isEqualTo(6);
    }

    // --- POST /users/_search -------------------------------------------------------------------

    @Test
    void listUsersAnswersDetailsAndResultAsZitadelDoes() {
        ServiceUser second = new ServiceUser(USER_ID + 1, ORG_ID, "robot-2", "Robot 2", "", AccessTokenType.BEARER,
                UserState.LOCKED, 2, CREATED, CHANGED);
        USE_CASES.answer(UserListResult.class, new UserListResult(new Page<>(List.of(USER, second), 5), VIEWED));

        Reply reply = call(Method.POST, USERS + "/_search", "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"totalResult":"5","viewTimestamp":"2025-08-28T09:15:11.500Z"},
                 "result":[
                  {"id":"291745830282477569",
                   "details":{"sequence":"3","creationDate":"2025-08-28T09:14:42.492Z",
                              "changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"},
                   "state":"USER_STATE_ACTIVE","userName":"robot","loginNames":["robot"],"preferredLoginName":"robot",
                   "machine":{"name":"My Machine Account","description":"CI bot","accessTokenType":"ACCESS_TOKEN_TYPE_JWT"}},
                  {"id":"291745830282477570",
                   "details":{"sequence":"2","creationDate":"2025-08-28T09:14:42.492Z",
                              "changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"},
                   "state":"USER_STATE_LOCKED","userName":"robot-2","loginNames":["robot-2"],
                   "preferredLoginName":"robot-2","machine":{"name":"Robot 2"}}]}"""));
    }

    @Test
    void listUsersSaysHasSecretForTheUsersWithOneOnly() {
        ServiceUser second = new ServiceUser(USER_ID + 1, ORG_ID, "robot-2", "Robot 2", "", AccessTokenType.BEARER,
                UserState.ACTIVE, 2, CREATED, CHANGED);
        USE_CASES.answer(UserListResult.class, new UserListResult(new Page<>(List.of(USER, second), 2), VIEWED,
                Set.of(second.id())));

        Reply reply = call(Method.POST, USERS + "/_search", "{}");

        assertThat(reply.json().at("/result/0/machine").has("hasSecret")).isFalse();
        assertThat(reply.json().at("/result/1/machine")).isEqualTo(json("{\"name\":\"Robot 2\",\"hasSecret\":true}"));
    }

    @Test
    void emptyUserListHasNoResultKeyAndNoTotal() {
        USE_CASES.answer(UserListResult.class, new UserListResult(new Page<>(List.of(), 0), VIEWED));

        Reply reply = call(Method.POST, USERS + "/_search", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"details\":{\"viewTimestamp\":\"2025-08-28T09:15:11.500Z\"}}"));
    }

    @Test
    void listUsersWithoutBodyListsEverythingByIdDescendingUpToTheCap() {
        call(Method.POST, USERS + "/_search", null, "77");

        assertThat(USE_CASES.received()).isEqualTo(new ListUsersQuery(RecordingUseCases.caller("77"),
                new UserFilter.All(), UserSort.ID, new PageRequest(0, 1000, false)));
    }

    @Test
    void listUsersBuildsPagingSortAndAndedFiltersFromTheContractExample() {
        call(Method.POST, USERS + "/_search", """
                {"query":{"offset":"20","limit":10,"asc":true},
                 "sortingColumn":"USER_FIELD_NAME_USER_NAME",
                 "queries":[{"typeQuery":{"type":"TYPE_MACHINE"}},
                            {"userNameQuery":{"userName":"rob","method":"TEXT_QUERY_METHOD_STARTS_WITH"}}]}""");

        assertThat(USE_CASES.received()).isEqualTo(new ListUsersQuery(CALLER,
                new UserFilter.And(List.of(new UserFilter.Machine(true),
                        new UserFilter.UserName("rob", TextMatch.STARTS_WITH))),
                UserSort.USER_NAME, new PageRequest(20, 10, true)));
    }

    @Test
    void listUsersAcceptsSnakeCaseAndNumbersWhereProtojsonDoes() {
        call(Method.POST, USERS + "/_search", """
                {"query":{"offset":5,"limit":"7","asc":false},
                 "sorting_column":9,
                 "queries":[{"user_name_query":{"user_name":"rob","method":7}},
                            {"in_user_ids_query":{"user_ids":["12","13"]}}]}""");

        assertThat(USE_CASES.received()).isEqualTo(new ListUsersQuery(CALLER,
                new UserFilter.And(List.of(new UserFilter.UserName("rob", TextMatch.ENDS_WITH_IGNORE_CASE),
                        new UserFilter.InIds(Set.of(12L, 13L)))),
                UserSort.CREATION_DATE, new PageRequest(5, 7, false)));
    }

    @Test
    void everySortingColumnMapsToAServiceUserSort() {
        Map<String, UserSort> columns = Map.of(
                "USER_FIELD_NAME_UNSPECIFIED", UserSort.ID,
                "USER_FIELD_NAME_USER_NAME", UserSort.USER_NAME,
                "USER_FIELD_NAME_FIRST_NAME", UserSort.ID,
                "USER_FIELD_NAME_LAST_NAME", UserSort.ID,
                "USER_FIELD_NAME_NICK_NAME", UserSort.ID,
                "USER_FIELD_NAME_DISPLAY_NAME", UserSort.DISPLAY_NAME,
                "USER_FIELD_NAME_EMAIL", UserSort.ID,
                "USER_FIELD_NAME_STATE", UserSort.STATE,
                "USER_FIELD_NAME_TYPE", UserSort.ID,
                "USER_FIELD_NAME_CREATION_DATE", UserSort.CREATION_DATE);
        for (var column : columns.entrySet()) {
            call(Method.POST, USERS + "/_search", "{\"sortingColumn\":\"" + column.getKey() + "\"}");
            assertThat(((ListUsersQuery) USE_CASES.received()).sort()).as(column.getKey()).isEqualTo(column.getValue());
        }
        call(Method.POST, USERS + "/_search", "{\"sortingColumn\":7}");
        assertThat(((ListUsersQuery) USE_CASES.received()).sort()).isEqualTo(UserSort.STATE);
    }

    @Test
    void everySearchQueryMapsToAUserFilter() {
        Map<String, UserFilter> queries = Map.ofEntries(
                Map.entry("{\"userNameQuery\":{\"userName\":\"rob\"}}", new UserFilter.UserName("rob", TextMatch.EQUALS)),
                Map.entry("{\"displayNameQuery\":{\"displayName\":\"Rob\",\"method\":\"TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE\"}}",
                        new UserFilter.DisplayName("Rob", TextMatch.CONTAINS_IGNORE_CASE)),
                Map.entry("{\"loginNameQuery\":{\"loginName\":\"rob\",\"method\":1}}",
                        new UserFilter.LoginName("rob", TextMatch.EQUALS_IGNORE_CASE)),
                Map.entry("{\"userNameQuery\":{}}", new UserFilter.UserName("", TextMatch.EQUALS)),
                Map.entry("{\"stateQuery\":{\"state\":\"USER_STATE_ACTIVE\"}}", new UserFilter.State(UserState.ACTIVE)),
                Map.entry("{\"stateQuery\":{\"state\":\"USER_STATE_INACTIVE\"}}", new UserFilter.State(UserState.INACTIVE)),
                Map.entry("{\"stateQuery\":{\"state\":3}}", new UserFilter.State(UserState.DELETED)),
                Map.entry("{\"stateQuery\":{\"state\":\"USER_STATE_LOCKED\"}}", new UserFilter.State(UserState.LOCKED)),
                Map.entry("{\"stateQuery\":{\"state\":\"USER_STATE_INITIAL\"}}", new UserFilter.Nothing()),
                Map.entry("{\"stateQuery\":{}}", new UserFilter.Nothing()),
                Map.entry("{\"typeQuery\":{\"type\":\"TYPE_HUMAN\"}}", new UserFilter.Machine(false)),
                Map.entry("{\"typeQuery\":{\"type\":2}}", new UserFilter.Machine(true)),
                Map.entry("{\"typeQuery\":{}}", new UserFilter.Nothing()),
                Map.entry("{\"inUserIdsQuery\":{\"userIds\":[\"12\",\"abc\",\"007\",\"-1\",\"+5\",\"99999999999999999999\",null]}}",
                        new UserFilter.InIds(Set.of(12L))),
                Map.entry("{\"inUserIdsQuery\":{}}", new UserFilter.InIds(Set.of())),
                Map.entry("{\"firstNameQuery\":{\"firstName\":\"Gigi\"}}", new UserFilter.Nothing()),
                Map.entry("{\"lastNameQuery\":{\"lastName\":\"Giraffe\",\"method\":2}}", new UserFilter.Nothing()),
                Map.entry("{\"nickNameQuery\":{\"nickName\":\"gigi\"}}", new UserFilter.Nothing()),
                Map.entry("{\"emailQuery\":{\"emailAddress\":\"gigi@example.com\"}}", new UserFilter.Nothing()),
                Map.entry("{\"inUserEmailsQuery\":{\"userEmails\":[\"gigi@example.com\"]}}", new UserFilter.Nothing()),
                Map.entry("{\"orQuery\":{\"queries\":[{\"userNameQuery\":{\"userName\":\"a\"}},{\"stateQuery\":{\"state\":1}}]}}",
                        new UserFilter.Or(List.of(new UserFilter.UserName("a", TextMatch.EQUALS),
                                new UserFilter.State(UserState.ACTIVE)))),
                Map.entry("{\"andQuery\":{\"queries\":[{\"typeQuery\":{\"type\":2}}]}}",
                        new UserFilter.And(List.of(new UserFilter.Machine(true)))),
                Map.entry("{\"orQuery\":{}}", new UserFilter.Or(List.of())),
                Map.entry("{\"notQuery\":{\"query\":{\"not_query\":{\"query\":{\"in_user_ids_query\":{\"user_ids\":[\"1\"]}}}}}}",
                        new UserFilter.Not(new UserFilter.Not(new UserFilter.InIds(Set.of(1L))))));
        for (var query : queries.entrySet()) {
            USE_CASES.reset();
            Reply reply = call(Method.POST, USERS + "/_search", "{\"queries\":[" + query.getKey() + "]}");
            assertThat(reply.status()).as(query.getKey() + " " + reply.text()).isEqualTo(200);
            assertThat(((ListUsersQuery) USE_CASES.received()).filter()).as(query.getKey()).isEqualTo(query.getValue());
        }
    }

    @Test
    void aSearchQueryWithoutItsOneofIs400ValueIsRequired() {
        Map<String, String> bodies = Map.of(
                "{\"queries\":[{}]}", "invalid ListUsersRequest.Queries[0]: value is required",
                "{\"queries\":[{\"typeQuery\":{\"type\":2}},null]}", "invalid ListUsersRequest.Queries[1]: value is required",
                "{\"queries\":[{\"unknownQuery\":{}}]}", "invalid ListUsersRequest.Queries[0]: value is required",
                "{\"queries\":[{\"userNameQuery\":null}]}", "invalid ListUsersRequest.Queries[0]: value is required",
                "{\"queries\":[{\"orQuery\":{\"queries\":[{\"typeQuery\":{}},{}]}}]}",
                "invalid ListUsersRequest.Queries[0].OrQuery.Queries[1]: value is required",
                "{\"queries\":[{\"notQuery\":{}}]}", "invalid ListUsersRequest.Queries[0].NotQuery.Query: value is required",
                "{\"queries\":[{\"andQuery\":{\"queries\":[{\"notQuery\":{\"query\":{}}}]}}]}",
                "invalid ListUsersRequest.Queries[0].AndQuery.Queries[0].NotQuery.Query: value is required");
        for (var body : bodies.entrySet()) {
            Reply reply = call(Method.POST, USERS + "/_search", body.getKey());
            assertInvalidArgument(reply, body.getValue());
            assertThat(reply.json().get("message").asText()).isEqualTo(body.getValue());
        }
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void invalidSearchValuesAre400NamingTheField() {
        Map<String, String> bodies = Map.of(
                "{\"queries\":[{\"typeQuery\":{\"type\":2},\"stateQuery\":{\"state\":1}}]}",
                "invalid ListUsersRequest.Queries[0]: only one query",
                "{\"queries\":[{\"userNameQuery\":{\"userName\":\"a\",\"method\":\"TEXT_QUERY_METHOD_LIKE\"}}]}",
                "invalid ListUsersRequest.Queries[0].UserNameQuery.Method: value must be one of TEXT_QUERY_METHOD_EQUALS",
                "{\"queries\":[{\"emailQuery\":{\"method\":8}}]}",
                "invalid ListUsersRequest.Queries[0].EmailQuery.Method: value must be one of",
                "{\"queries\":[{\"stateQuery\":{\"state\":\"ACTIVE\"}}]}",
                "invalid ListUsersRequest.Queries[0].StateQuery.State: value must be one of USER_STATE_UNSPECIFIED",
                "{\"queries\":[{\"orQuery\":{\"queries\":[{\"typeQuery\":{\"type\":\"TYPE_ROBOT\"}}]}}]}",
                "invalid ListUsersRequest.Queries[0].OrQuery.Queries[0].TypeQuery.Type: value must be one of TYPE_UNSPECIFIED",
                "{\"queries\":[{\"displayNameQuery\":{\"displayName\":\"" + "x".repeat(201) + "\"}}]}",
                "invalid ListUsersRequest.Queries[0].DisplayNameQuery.DisplayName: value length must be at most 200 runes",
                "{\"sortingColumn\":\"USER_FIELD_NAME_ID\"}",
                "invalid ListUsersRequest.SortingColumn: value must be one of USER_FIELD_NAME_UNSPECIFIED",
                "{\"sortingColumn\":10}", "invalid ListUsersRequest.SortingColumn: value must be one of",
                "{\"query\":{\"offset\":\"abc\"}}", "invalid ListUsersRequest.Query.Offset",
                "{\"query\":{\"limit\":-1}}", "invalid ListUsersRequest.Query.Limit");
        for (var body : bodies.entrySet()) {
            assertInvalidArgument(call(Method.POST, USERS + "/_search", body.getKey()), body.getValue());
        }
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void textQueriesAcceptTwoHundredRunes() {
        // 200 code points that are 400 UTF-16 chars: the limit counts runes, as ZITADEL's validation does.
        String text = "\uD83E\uDD16".repeat(200);
        assertThat(call(Method.POST, USERS + "/_search",
                "{\"queries\":[{\"userNameQuery\":{\"userName\":\"" + text + "\"}}]}").status()).isEqualTo(200);
        assertThat(((ListUsersQuery) USE_CASES.received()).filter())
                .isEqualTo(new UserFilter.UserName(text, TextMatch.EQUALS));
    }

    @Test
    void deeplyNestedSearchQueriesAreRefusedBeforeBinding() {
        String body = "{\"queries\":[" + "{\"notQuery\":{\"query\":".repeat(40) + "{\"typeQuery\":{}}"
                + "}}".repeat(40) + "]}";

        assertInvalidArgument(call(Method.POST, USERS + "/_search", body), "invalid ListUsersRequest: body is nested too deeply");
        assertThat(USE_CASES.received()).isNull();
    }

    // --- state changes and removal -------------------------------------------------------------

    @Test
    void stateChangesBuildTheirTransitionAndAnswerChangeDetails() {
        Map<String, UserTransition> paths = Map.of("_deactivate", UserTransition.DEACTIVATE,
                "_reactivate", UserTransition.REACTIVATE, "_lock", UserTransition.LOCK, "_unlock", UserTransition.UNLOCK);
        for (var path : paths.entrySet()) {
            for (String body : new String[] {null, "{}", "{\"id\":\"999\",\"unknown\":true}"}) {
                USE_CASES.reset();
                Reply reply = call(Method.POST, USERS + "/4711/" + path.getKey(), body, "77");
                assertThat(reply.status()).as(path.getKey()).isEqualTo(200);
                assertThat(reply.json()).isEqualTo(json(DETAILS_OF_A_WRITE));
                assertThat(USE_CASES.received()).isEqualTo(new ChangeUserStateCommand(RecordingUseCases.caller("77"),
                        "4711", path.getValue()));
            }
        }
    }

    @Test
    void refusedStateChangeIs400FailedPrecondition() {
        USE_CASES.failWith(new PreconditionFailedException("COMMAND-5M0sf", "User already inactive"));

        Reply reply = call(Method.POST, USERS + "/4711/_deactivate", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(json("""
                {"code":9,"message":"User already inactive (COMMAND-5M0sf)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-5M0sf","message":"User already inactive"}]}"""));
    }

    @Test
    void writeThatLostToAConcurrentOneTwiceIs409Aborted() {
        USE_CASES.failWith(new ConflictException("COMMAND-concurrent", "Errors.Concurrency"));

        Reply reply = call(Method.POST, USERS + "/4711/_lock", "{}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).isEqualTo(json("""
                {"code":10,"message":"Errors.Concurrency (COMMAND-concurrent)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-concurrent","message":"Errors.Concurrency"}]}"""));
    }

    @Test
    void removeUserAnswersChangeDetails() {
        Reply reply = call(Method.DELETE, USERS + "/4711", null, "77");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json(DETAILS_OF_A_WRITE));
        assertThat(USE_CASES.received()).isEqualTo(new RemoveUserCommand(RecordingUseCases.caller("77"), "4711"));
    }

    @Test
    void removingAnUnknownUserIs404() {
        USE_CASES.failWith(new NotFoundException("COMMAND-3M9ds", "User could not be found"));

        Reply reply = call(Method.DELETE, USERS + "/4711", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(5);
        assertThat(reply.json().get("details").get(0).get("id").asText()).isEqualTo("COMMAND-3M9ds");
    }
}
