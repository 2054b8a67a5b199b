package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertError;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertNoMembership;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertOrgDoesNotExist;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertPermissionDenied;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertPlainError;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertTokenInvalid;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertValidationError;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.fieldNames;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.ok;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error cases of the contract's tables (§1.4, §1.5, §2, §3, §4, §5, §9, §10) through the real
 * server on MariaDB, with curl's requests: status, gRPC code, message and detail of every error, and
 * that a refused request stored nothing. Where the contract leaves an error id open, the id is the
 * one Warden's application services chose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementErrorsEndToEndTest {

    private static final String M = "/management/v1";

    private ErrorCaseServer server;
    private String admin;
    /** A second organization, created by the instance owner (who is thereby its ORG_OWNER). */
    private String otherOrgId;
    /** A service user of the other organization, and its PAT (it is ORG_OWNER there). */
    private String otherOrgUserId;
    /** A service user of the default organization without any membership, and its PAT. */
    private String nobodyId;
    private String nobody;
    private String orgOwner;
    private String orgUserManager;
    private String orgOwnerViewer;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        server = ErrorCaseServer.start(dataDir);
        admin = server.admin;
        otherOrgId = server.createOrg("Other Org");
        otherOrgUserId = server.createUser("other-org-robot", otherOrgId);
        nobodyId = server.createUser("nobody");
        nobody = server.createPat(nobodyId);
        orgOwner = patWithOrgRole("owner", "ORG_OWNER");
        orgUserManager = patWithOrgRole("user-manager", "ORG_USER_MANAGER");
        orgOwnerViewer = patWithOrgRole("owner-viewer", "ORG_OWNER_VIEWER");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String patWithOrgRole(String userName, String role) {
        String userId = server.createUser(userName);
        server.grantOrgRoles(userId, role);
        return server.createPat(userId);
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    // ======================================================================================
    // §1.4 authentication
    // ======================================================================================

    /** One request of every endpoint family; bodies are invalid to show that authentication comes first. */
    Stream<Arguments> oneRequestPerFamily() {
        return Stream.of(
                Arguments.of("GET", M + "/orgs/me", null),
                Arguments.of("POST", M + "/orgs", "{\"name\":"),
                Arguments.of("POST", M + "/users/machine", "{\"userName\":"),
                Arguments.of("GET", M + "/users/1", null),
                Arguments.of("POST", M + "/users/_search", "[]"),
                Arguments.of("POST", M + "/users/1/pats", "{\"expirationDate\":\"2000-01-01T00:00:00Z\"}"),
                Arguments.of("DELETE", M + "/users/1/pats/2", null),
                Arguments.of("POST", M + "/orgs/me/members", "{}"),
                Arguments.of("POST", M + "/orgs/members/roles/_search", null),
                Arguments.of("GET", "/admin/v1/orgs/1", null),
                Arguments.of("POST", "/admin/v1/members", "{}"),
                Arguments.of("GET", M + "/no/such/route", null),
                Arguments.of("GET", "/admin/v1/no/such/route", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oneRequestPerFamily")
    void aRequestWithoutAuthorizationHeaderIs401AuthHeaderMissingWithAChallenge(String method, String path,
                                                                               String body) {
        Api.Reply reply = server.storesNothing(() -> server.call(method, path, null, body, Map.of()));
        assertPlainError(reply, 401, 16);
        assertThat(reply.text("/message")).isEqualTo("auth header missing");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate on a 401").isPresent();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oneRequestPerFamily")
    void anUnknownTokenIs401TokenInvalidBeforeAnyValidationOrRouting(String method, String path, String body) {
        Api.Reply reply = server.storesNothing(() -> server.call(method, path, "not-a-warden-token", body, Map.of()));
        assertTokenInvalid(reply);
    }

    @Test
    void mistypedUnknownRevokedAndDeletedUsersTokensAreAll401TokenInvalid() {
        String userId = server.createUser("token-victim");
        server.grantOrgRoles(userId, "ORG_OWNER");
        Api.Reply revoked = ok(server.post(M + "/users/" + userId + "/pats", admin, "{}"));
        String live = server.createPat(userId);
        ok(server.get(M + "/orgs/me", revoked.text("/token")));
        ok(server.delete(M + "/users/" + userId + "/pats/" + revoked.text("/tokenId"), admin));

        String last = admin.substring(admin.length() - 1);
        String mistyped = admin.substring(0, admin.length() - 1) + (last.equals("A") ? "B" : "A");
        String wellFormedButUnknown = "wdn_pat_" + repeat("A", 59);
        for (String token : List.of(mistyped, wellFormedButUnknown, revoked.text("/token"), "x", repeat("z", 4000))) {
            assertTokenInvalid(server.storesNothing(() -> server.get(M + "/orgs/me", token)));
            assertTokenInvalid(server.post("/admin/v1/orgs/_search", token, "{}"));
        }

        ok(server.get(M + "/orgs/me", live));
        ok(server.delete(M + "/users/" + userId, admin));
        assertTokenInvalid(server.get(M + "/orgs/me", live));
    }

    @Test
    void anotherSchemeOrAMalformedAuthorizationHeaderIs401InvalidAuthHeader() {
        for (String header : List.of("Basic d2FyZGVuOnNlY3JldA==", "Bearer  two-spaces", "Bearer", "Bearer a b",
                "Bearer tok\u00e9n")) {
            Api.Reply reply = server.storesNothing(() -> server.call("GET", M + "/orgs/me", null, null,
                    Map.of("Authorization", header)));
            assertError(reply, 401, 16, "AUTH-toLo1", "invalid auth header");
            assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    // ======================================================================================
    // §1.5 organisation context and membership resolution
    // ======================================================================================

    Stream<Arguments> orgHeaderRequests() {
        return Stream.of(
                Arguments.of("GET", M + "/orgs/me", null),
                Arguments.of("PUT", M + "/orgs/me", "{\"name\":\"Renamed\"}"),
                Arguments.of("DELETE", M + "/orgs/me", null),
                Arguments.of("POST", M + "/orgs", "{\"name\":\"Header Org\"}"),
                Arguments.of("POST", M + "/users/machine", "{\"userName\":\"header-robot\",\"name\":\"R\"}"),
                Arguments.of("POST", M + "/users/_search", "{}"),
                Arguments.of("POST", M + "/users/1/pats", "{}"),
                Arguments.of("POST", M + "/orgs/me/members/_search", "{}"),
                Arguments.of("POST", M + "/orgs/members/roles/_search", null),
                Arguments.of("POST", M + "/orgs/me/members", "{\"userId\":\"1\",\"roles\":[\"ORG_OWNER\"]}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orgHeaderRequests")
    void anUnknownOrgIdHeaderIs403OrganisationDoesNotExist(String method, String path, String body) {
        for (String orgId : List.of("42", "999999999999999999", "not-a-number", "-1")) {
            Api.Reply reply = server.storesNothing(() -> server.call(method, path, admin, body,
                    Map.of("x-zitadel-orgid", orgId)));
            assertOrgDoesNotExist(reply);
        }
        // The org is resolved before memberships: a caller without any gets the same answer.
        assertOrgDoesNotExist(server.call(method, path, nobody, body, Map.of("x-zitadel-orgid", "42")));
        // Authentication comes first of all.
        assertTokenInvalid(server.call(method, path, "bad-token", body, Map.of("x-zitadel-orgid", "42")));
    }

    @Test
    void aBlankOrgIdHeaderMeansTheCallersOwnOrg() {
        assertThat(ok(server.get(M + "/orgs/me", admin, "")).text("/org/id")).isEqualTo(server.defaultOrgId);
    }

    @Test
    void orgRolesDoNotCarryOverToAnotherOrgSelectedWithTheHeader() {
        ok(server.get(M + "/orgs/me", orgOwner));
        assertNoMembership(server.get(M + "/orgs/me", orgOwner, otherOrgId));
        assertNoMembership(server.storesNothing(() -> server.post(M + "/users/machine", orgOwner,
                "{\"userName\":\"smuggled\",\"name\":\"S\"}", otherOrgId)));
        assertNoMembership(server.post(M + "/users/_search", orgOwner, "{}", otherOrgId));
    }

    @Test
    void aUserWithoutMembershipIs404MembershipNotFoundOnEveryFamily() {
        String[][] requests = {
                {"GET", M + "/orgs/me", null},
                {"POST", M + "/orgs", "{\"name\":\"Nobody's Org\"}"},
                {"POST", M + "/users/machine", "{\"userName\":\"nobody-made\",\"name\":\"N\"}"},
                {"GET", M + "/users/" + nobodyId, null},
                {"POST", M + "/users/" + nobodyId + "/pats", "{}"},
                {"POST", M + "/users/" + nobodyId + "/pats/_search", "{}"},
                {"POST", M + "/orgs/me/members", ErrorCaseServer.memberBody(nobodyId, "ORG_OWNER")},
                {"POST", M + "/orgs/members/roles/_search", null},
                {"GET", "/admin/v1/orgs/" + server.defaultOrgId, null},
                {"POST", "/admin/v1/members", ErrorCaseServer.memberBody(nobodyId, "IAM_OWNER")}};
        for (String[] request : requests) {
            Api.Reply reply = server.storesNothing(() -> server.call(request[0], request[1], nobody, request[2],
                    Map.of()));
            assertNoMembership(reply);
        }
    }

    @Test
    void orgUserManagerCannotAddOrgMembers() {
        String candidate = server.createUser("candidate-of-user-manager");
        assertPermissionDenied(server.storesNothing(() -> server.post(M + "/orgs/me/members", orgUserManager,
                ErrorCaseServer.memberBody(candidate, "ORG_OWNER"))));
    }

    @Test
    void orgOwnerCannotCreateOrganizations() {
        assertPermissionDenied(server.storesNothing(() -> server.post(M + "/orgs", orgOwner,
                "{\"name\":\"Owner's Own Org\"}")));
    }

    @Test
    void orgOwnerViewerCannotCreateUsers() {
        assertPermissionDenied(server.storesNothing(() -> server.post(M + "/users/machine", orgOwnerViewer,
                "{\"userName\":\"viewer-made\",\"name\":\"V\"}")));
    }

    // ======================================================================================
    // §2 machine users
    // ======================================================================================

    @Test
    void aTakenUserNameIs409UserAlreadyExistsInstanceWide() {
        server.createUser("dup-name");
        assertError(server.storesNothing(() -> server.post(M + "/users/machine", admin,
                "{\"userName\":\"dup-name\",\"name\":\"Twin\"}")), 409, 6, "V3-DKcYh", "User already exists");
        // User names are unique across the instance under the default domain policy.
        assertError(server.storesNothing(() -> server.post(M + "/users/machine", admin,
                "{\"userName\":\"dup-name\",\"name\":\"Twin\"}", otherOrgId)), 409, 6, "V3-DKcYh",
                "User already exists");
    }

    @Test
    void aTakenExplicitUserIdIs400UserAlreadyExisting() {
        ok(server.post(M + "/users/machine", admin,
                "{\"userName\":\"chosen-id\",\"name\":\"Chosen\",\"userId\":\"777000111222333\"}"));
        assertThat(ok(server.get(M + "/users/777000111222333", admin)).text("/user/userName")).isEqualTo("chosen-id");
        for (String org : new String[] {server.defaultOrgId, otherOrgId}) {
            assertError(server.storesNothing(() -> server.post(M + "/users/machine", admin,
                    "{\"userName\":\"chosen-id-2\",\"name\":\"Chosen\",\"userId\":\"777000111222333\"}", org)),
                    400, 9, "COMMAND-k2una", "Errors.User.AlreadyExisting");
        }
    }

    Stream<Arguments> invalidUserFields() {
        return Stream.of(
                Arguments.of("{\"name\":\"No user name\"}", "UserName"),
                Arguments.of("{\"userName\":\"\",\"name\":\"Empty user name\"}", "UserName"),
                Arguments.of("{\"userName\":\"" + repeat("u", 201) + "\",\"name\":\"Long\"}", "UserName"),
                Arguments.of("{\"userName\":\"no-name\"}", "Name"),
                Arguments.of("{\"userName\":\"empty-name\",\"name\":\"\"}", "Name"),
                Arguments.of("{\"userName\":\"long-name\",\"name\":\"" + repeat("n", 201) + "\"}", "Name"),
                Arguments.of("{\"userName\":\"long-description\",\"name\":\"D\",\"description\":\""
                        + repeat("d", 501) + "\"}", "Description"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidUserFields")
    void anEmptyOrTooLongUserFieldIs400InvalidArgumentWithoutDetails(String body, String field) {
        assertValidationError(server.storesNothing(() -> server.post(M + "/users/machine", admin, body)),
                "invalid AddMachineUserRequest." + field);
    }

    @Test
    void userFieldsAtTheirMaximumLengthInRunesAreStoredIntact() {
        String userName = repeat("ü", 200);
        String name = repeat("名", 200);
        String description = repeat("é", 500);
        String id = ok(server.post(M + "/users/machine", admin, "{\"userName\":\"" + userName + "\",\"name\":\""
                + name + "\",\"description\":\"" + description + "\"}")).text("/userId");
        Api.Reply user = ok(server.get(M + "/users/" + id, admin));
        assertThat(user.text("/user/userName")).isEqualTo(userName);
        assertThat(user.text("/user/machine/name")).isEqualTo(name);
        assertThat(user.text("/user/machine/description")).isEqualTo(description);
        assertValidationError(server.storesNothing(() -> server.put(M + "/users/" + id + "/machine", admin,
                "{\"name\":\"x\",\"description\":\"" + repeat("é", 501) + "\"}")),
                "invalid UpdateMachineRequest.Description");
    }

    @Test
    void aBlankUserNameIs400UserdataInvalid() {
        Api.Reply reply = server.storesNothing(() -> server.post(M + "/users/machine", admin,
                "{\"userName\":\"   \",\"name\":\"Blank\"}"));
        // Contract §2.1: PGV's min_len passes three spaces; the command trims and refuses.
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(3);
        assertThat(reply.text("/message")).matches("Userdata is invalid \\(COMMAND-b[sm]9Ds\\)");
        assertThat(reply.at("/details/0/id").asText()).matches("COMMAND-b[sm]9Ds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "123456789012345678", "abc", "99999999999999999999", "0"})
    void getOfAnUnknownUserIs404UserNotFound(String id) {
        assertError(server.get(M + "/users/" + id, admin), 404, 5, "QUERY-Dfbg2", "User could not be found");
    }

    @Test
    void aUserOfAnotherOrgIsNotFoundWithoutThatOrgsHeader() {
        Api.Reply reply = server.get(M + "/users/" + otherOrgUserId, admin);
        assertThat(reply.status()).isEqualTo(404);
        // §2.2: 404 "User could not be found"; the other-org case may carry MANAG-fpo4B.
        String id = reply.at("/details/0/id").asText();
        assertThat(id).isIn("QUERY-Dfbg2", "MANAG-fpo4B");
        assertError(reply, 404, 5, id, "User could not be found");
        assertThat(ok(server.get(M + "/users/" + otherOrgUserId, admin, otherOrgId)).text("/user/userName"))
                .isEqualTo("other-org-robot");

        assertError(server.storesNothing(() -> server.post(M + "/users/" + otherOrgUserId + "/_deactivate", admin,
                "{}")), 404, 5, "COMMAND-3M9ds", "User could not be found");
        assertError(server.storesNothing(() -> server.delete(M + "/users/" + otherOrgUserId, admin)), 404, 5,
                "COMMAND-m9od", "User could not be found");
        assertError(server.storesNothing(() -> server.put(M + "/users/" + otherOrgUserId + "/machine", admin,
                "{\"name\":\"Hijacked\"}")), 404, 5, "COMMAND-5M0od", "User could not be found");
        assertError(server.storesNothing(() -> server.put(M + "/users/" + otherOrgUserId + "/username", admin,
                "{\"userName\":\"hijacked\"}")), 404, 5, "COMMAND-5N9ds", "User could not be found");
        assertError(server.storesNothing(() -> server.post(M + "/users/" + otherOrgUserId + "/pats", admin, "{}")),
                400, 9, "COMMAND-Dggw2", "User could not be found");
        Api.Reply search = ok(server.post(M + "/users/_search", admin,
                "{\"queries\":[{\"inUserIdsQuery\":{\"userIds\":[\"" + otherOrgUserId + "\"]}}]}"));
        assertThat(search.json().has("result")).isFalse();
    }

    @Test
    void deactivatingTwiceIs400UserAlreadyInactive() {
        String id = server.createUser("deactivate-twice");
        ok(server.post(M + "/users/" + id + "/_deactivate", admin, "{}"));
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/_deactivate", admin, "{}")),
                400, 9, "COMMAND-5M0sf", "User already inactive");
        assertThat(ok(server.get(M + "/users/" + id, admin)).text("/user/state")).isEqualTo("USER_STATE_INACTIVE");
    }

    @Test
    void reactivatingAUserThatIsNotInactiveIs400UserIsNotInactive() {
        String id = server.createUser("reactivate-active");
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/_reactivate", admin, "{}")),
                400, 9, "COMMAND-6M0sf", "User is not inactive");
        ok(server.post(M + "/users/" + id + "/_lock", admin, "{}"));
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/_reactivate", admin, "{}")),
                400, 9, "COMMAND-6M0sf", "User is not inactive");
    }

    @Test
    void lockAndUnlockRefuseTheWrongStartingState() {
        String id = server.createUser("lock-preconditions");
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/_unlock", admin, "{}")),
                400, 9, "COMMAND-4M0ds", "User is not locked");
        ok(server.post(M + "/users/" + id + "/_lock", admin, "{}"));
        assertThat(ok(server.get(M + "/users/" + id, admin)).text("/user/state")).isEqualTo("USER_STATE_LOCKED");
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/_lock", admin, "{}")),
                400, 9, "COMMAND-3NN8v", "User is already locked");
        ok(server.post(M + "/users/" + id + "/_unlock", admin, "{}"));
        assertThat(ok(server.get(M + "/users/" + id, admin)).text("/user/state")).isEqualTo("USER_STATE_ACTIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_deactivate", "_reactivate", "_lock", "_unlock"})
    void aStateChangeOfAnUnknownUserIs404(String action) {
        for (String id : List.of("1", "abc")) {
            assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/" + action, admin, "{}")),
                    404, 5, "COMMAND-3M9ds", "User could not be found");
        }
    }

    @Test
    void deletingAnUnknownOrAlreadyDeletedUserIs404AndTheDeletedUserIsGone() {
        assertError(server.storesNothing(() -> server.delete(M + "/users/1", admin)), 404, 5, "COMMAND-m9od",
                "User could not be found");
        String id = server.createUser("delete-twice");
        server.grantOrgRoles(id, "ORG_OWNER_VIEWER");
        ok(server.post(M + "/orgs/me/members", admin, ErrorCaseServer.memberBody(id, "ORG_OWNER"), otherOrgId));
        server.grantIamRoles(id, "IAM_OWNER_VIEWER");
        ok(server.delete(M + "/users/" + id, admin));
        assertError(server.storesNothing(() -> server.delete(M + "/users/" + id, admin)), 404, 5, "COMMAND-m9od",
                "User could not be found");
        assertError(server.get(M + "/users/" + id, admin), 404, 5, "QUERY-Dfbg2", "User could not be found");
        Api.Reply members = ok(server.post(M + "/orgs/me/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + id + "\"}}]}"));
        assertThat(members.json().has("result")).as("memberships go with the user").isFalse();
        Api.Reply otherMembers = ok(server.post(M + "/orgs/me/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + id + "\"}}]}", otherOrgId));
        assertThat(otherMembers.json().has("result")).as("on every org").isFalse();
        Api.Reply iamMembers = ok(server.post("/admin/v1/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + id + "\"}}]}"));
        assertThat(iamMembers.json().has("result")).as("and on the instance").isFalse();
    }

    @Test
    void updatesOfAnUnknownUserAre404AndInvalidOrUnchangedUpdatesAre400() {
        assertError(server.storesNothing(() -> server.put(M + "/users/1/machine", admin, "{\"name\":\"X\"}")),
                404, 5, "COMMAND-5M0od", "User could not be found");
        assertError(server.storesNothing(() -> server.put(M + "/users/1/username", admin, "{\"userName\":\"x\"}")),
                404, 5, "COMMAND-5N9ds", "User could not be found");
        String id = server.createUser("update-checks");
        server.createUser("update-checks-taken");
        assertValidationError(server.storesNothing(() -> server.put(M + "/users/" + id + "/machine", admin,
                "{\"name\":\"\"}")), "invalid UpdateMachineRequest.Name");
        assertValidationError(server.storesNothing(() -> server.put(M + "/users/" + id + "/username", admin,
                "{\"userName\":\"\"}")), "invalid UpdateUserNameRequest.UserName");
        assertError(server.storesNothing(() -> server.put(M + "/users/" + id + "/username", admin,
                "{\"userName\":\"update-checks-taken\"}")), 409, 6, "V3-DKcYh", "User already exists");
        assertError(server.storesNothing(() -> server.put(M + "/users/" + id + "/username", admin,
                "{\"userName\":\"update-checks\"}")), 400, 9, "COMMAND-6m9gs", "Username not changed");
    }

    // ---- §2.4 / §10 search ----

    private static List<String> userNames(Api.Reply reply) {
        List<String> names = new ArrayList<>();
        reply.at("/result").forEach(u -> names.add(u.get("userName").asText()));
        return names;
    }

    @Test
    void userSearchPagesWithOffsetLimitAndOrderAndCountsAllMatches() {
        String org = server.createOrg("Paging Org");
        for (String name : List.of("pg-charlie", "pg-alpha", "pg-echo", "pg-bravo", "pg-delta")) {
            server.createUser(name, org);
        }
        String byName = "\"sortingColumn\":\"USER_FIELD_NAME_USER_NAME\"";

        Api.Reply page = ok(server.post(M + "/users/_search", admin,
                "{" + byName + ",\"query\":{\"offset\":\"1\",\"limit\":2,\"asc\":true}}", org));
        assertThat(userNames(page)).containsExactly("pg-bravo", "pg-charlie");
        assertThat(page.text("/details/totalResult")).isEqualTo("5");
        assertThat(page.at("/details/viewTimestamp").isTextual()).isTrue();

        Api.Reply descending = ok(server.post(M + "/users/_search", admin,
                "{" + byName + ",\"query\":{\"limit\":2}}", org));
        assertThat(userNames(descending)).as("asc absent = descending").containsExactly("pg-echo", "pg-delta");

        Api.Reply numericOffset = ok(server.post(M + "/users/_search", admin,
                "{" + byName + ",\"query\":{\"offset\":4,\"limit\":\"10\",\"asc\":true}}", org));
        assertThat(userNames(numericOffset)).as("int64 as number, int32 as string").containsExactly("pg-echo");

        Api.Reply beyond = ok(server.post(M + "/users/_search", admin,
                "{" + byName + ",\"query\":{\"offset\":\"10\",\"asc\":true}}", org));
        assertThat(beyond.json().has("result")).as("an empty page has no result key").isFalse();
        assertThat(beyond.text("/details/totalResult")).isEqualTo("5");

        Api.Reply all = ok(server.post(M + "/users/_search", admin, "{" + byName + ",\"query\":{\"asc\":true}}", org));
        assertThat(userNames(all)).as("no limit: everything").containsExactly("pg-alpha", "pg-bravo", "pg-charlie",
                "pg-delta", "pg-echo");
        Api.Reply snake = ok(server.post(M + "/users/_search", admin,
                "{\"sorting_column\":\"USER_FIELD_NAME_USER_NAME\",\"query\":{\"asc\":true,\"limit\":1}}", org));
        assertThat(userNames(snake)).containsExactly("pg-alpha");

        Api.Reply elsewhere = ok(server.post(M + "/users/_search", admin,
                "{\"queries\":[{\"userNameQuery\":{\"userName\":\"pg-\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}"));
        assertThat(elsewhere.json().has("result")).as("always restricted to the current org").isFalse();
        assertThat(elsewhere.at("/details/totalResult").isMissingNode()).as("totalResult omitted when 0").isTrue();
    }

    @Test
    void everyUserQueryKindFiltersRealData() {
        String org = server.createOrg("Query Org");
        String alpha = server.createUser("qk-alpha", org);
        String bravo = server.createUser("qk-bravo", org);
        server.createUser("qk-charlie", org);
        String delta = server.createUser("qk-delta", org);
        String echo = server.createUser("qk-echo", org);
        ok(server.post(M + "/users/" + delta + "/_deactivate", admin, "{}", org));
        ok(server.post(M + "/users/" + echo + "/_lock", admin, "{}", org));

        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put(text("userNameQuery", "userName", "qk-alpha", null), List.of("qk-alpha"));
        cases.put(text("userNameQuery", "userName", "QK-ALPHA", null), List.of());
        cases.put(text("userNameQuery", "userName", "QK-ALPHA", "EQUALS_IGNORE_CASE"), List.of("qk-alpha"));
        cases.put(text("userNameQuery", "userName", "qk-", "STARTS_WITH"),
                List.of("qk-alpha", "qk-bravo", "qk-charlie", "qk-delta", "qk-echo"));
        cases.put(text("userNameQuery", "userName", "QK-", "STARTS_WITH"), List.of());
        cases.put(text("userNameQuery", "userName", "QK-B", "STARTS_WITH_IGNORE_CASE"), List.of("qk-bravo"));
        cases.put(text("userNameQuery", "userName", "ar", "CONTAINS"), List.of("qk-charlie"));
        cases.put(text("userNameQuery", "userName", "AR", "CONTAINS"), List.of());
        cases.put(text("userNameQuery", "userName", "AR", "CONTAINS_IGNORE_CASE"), List.of("qk-charlie"));
        cases.put(text("userNameQuery", "userName", "o", "ENDS_WITH"), List.of("qk-bravo", "qk-echo"));
        cases.put(text("userNameQuery", "userName", "HO", "ENDS_WITH_IGNORE_CASE"), List.of("qk-echo"));
        cases.put(text("userNameQuery", "userName", "qk_", "STARTS_WITH"), List.of());
        cases.put(text("userNameQuery", "userName", "%", "CONTAINS"), List.of());
        cases.put(text("displayNameQuery", "displayName", "Robot qk-bravo", null), List.of("qk-bravo"));
        cases.put(text("loginNameQuery", "loginName", "qk-charlie", null), List.of("qk-charlie"));
        cases.put("{\"stateQuery\":{\"state\":\"USER_STATE_ACTIVE\"}}", List.of("qk-alpha", "qk-bravo",
                "qk-charlie"));
        cases.put("{\"stateQuery\":{\"state\":\"USER_STATE_INACTIVE\"}}", List.of("qk-delta"));
        cases.put("{\"stateQuery\":{\"state\":2}}", List.of("qk-delta"));
        cases.put("{\"stateQuery\":{\"state\":\"USER_STATE_LOCKED\"}}", List.of("qk-echo"));
        cases.put("{\"typeQuery\":{\"type\":\"TYPE_MACHINE\"}}", List.of("qk-alpha", "qk-bravo", "qk-charlie",
                "qk-delta", "qk-echo"));
        cases.put("{\"typeQuery\":{\"type\":\"TYPE_HUMAN\"}}", List.of());
        cases.put("{\"inUserIdsQuery\":{\"userIds\":[\"" + alpha + "\",\"" + delta + "\",\"bogus\",\""
                + otherOrgUserId + "\"]}}", List.of("qk-alpha", "qk-delta"));
        cases.put("{\"orQuery\":{\"queries\":[" + text("userNameQuery", "userName", "qk-alpha", null) + ","
                + "{\"inUserIdsQuery\":{\"userIds\":[\"" + bravo + "\"]}}]}}", List.of("qk-alpha", "qk-bravo"));
        cases.put("{\"andQuery\":{\"queries\":[" + text("userNameQuery", "userName", "o", "ENDS_WITH") + ","
                + "{\"stateQuery\":{\"state\":\"USER_STATE_ACTIVE\"}}]}}", List.of("qk-bravo"));
        cases.put("{\"notQuery\":{\"query\":{\"stateQuery\":{\"state\":\"USER_STATE_ACTIVE\"}}}}",
                List.of("qk-delta", "qk-echo"));
        cases.put(text("firstNameQuery", "firstName", "qk", "CONTAINS"), List.of());
        cases.put(text("lastNameQuery", "lastName", "qk", "CONTAINS"), List.of());
        cases.put(text("nickNameQuery", "nickName", "qk", "CONTAINS"), List.of());
        cases.put(text("emailQuery", "emailAddress", "qk", "CONTAINS"), List.of());
        cases.put("{\"inUserEmailsQuery\":{\"userEmails\":[\"qk-alpha@example.com\"]}}", List.of());
        cases.put("{\"user_name_query\":{\"user_name\":\"qk-echo\"}}", List.of("qk-echo"));

        List<String> failures = new ArrayList<>();
        cases.forEach((query, expected) -> {
            Api.Reply reply = server.post(M + "/users/_search", admin,
                    "{\"sortingColumn\":\"USER_FIELD_NAME_USER_NAME\",\"query\":{\"asc\":true},\"queries\":[" + query
                            + "]}", org);
            if (reply.status() != 200) {
                failures.add(query + " → " + reply.status() + " " + reply.text());
                return;
            }
            List<String> names = userNames(reply);
            String total = reply.at("/details/totalResult").asText("");
            if (!names.equals(expected) || !total.equals(expected.isEmpty() ? "" : Integer.toString(expected.size()))
                    || reply.json().has("result") == expected.isEmpty()) {
                failures.add(query + " → " + names + " (totalResult " + total + "), expected " + expected);
            }
        });
        assertThat(failures).as("user queries on real data").isEmpty();
    }

    private static String text(String kind, String field, String value, String method) {
        return "{\"" + kind + "\":{\"" + field + "\":\"" + value + "\""
                + (method == null ? "" : ",\"method\":\"TEXT_QUERY_METHOD_" + method + "\"") + "}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"queries\":[{}]}",
            "{\"queries\":[null]}",
            "{\"queries\":[{\"userNameQuery\":{\"userName\":\"a\"},\"typeQuery\":{\"type\":\"TYPE_MACHINE\"}}]}",
            "{\"queries\":[{\"userNameQuery\":{\"userName\":\"a\",\"method\":\"TEXT_QUERY_METHOD_FUZZY\"}}]}",
            "{\"queries\":[{\"stateQuery\":{\"state\":\"USER_STATE_SLEEPING\"}}]}",
            "{\"queries\":[{\"stateQuery\":{\"state\":99}}]}",
            "{\"queries\":[{\"notQuery\":{}}]}",
            "{\"queries\":{\"userNameQuery\":{\"userName\":\"a\"}}}",
            "{\"sortingColumn\":\"USER_FIELD_NAME_SHOE_SIZE\"}",
            "{\"query\":{\"offset\":\"ten\"}}",
            "{\"query\":{\"offset\":\"-1\"}}",
            "{\"query\":{\"limit\":-5}}",
            "{\"query\":{\"limit\":\"many\"}}",
            "{\"query\":[]}"})
    void anInvalidUserSearchIs400InvalidArgument(String body) {
        assertValidationError(server.post(M + "/users/_search", admin, body), "invalid ListUsersRequest");
    }

    // ---- §1.2 JSON rules on input ----

    @Test
    void snakeCaseFieldsAreAcceptedAndUnknownFieldsIgnored() {
        String id = ok(server.post(M + "/users/machine", admin, "{\"user_name\":\"snake-robot\",\"name\":\"Snake\","
                + "\"access_token_type\":\"ACCESS_TOKEN_TYPE_JWT\",\"favourite_colour\":\"green\","
                + "\"nested\":{\"deep\":[1,2,{\"x\":null}]}}")).text("/userId");
        Api.Reply user = ok(server.get(M + "/users/" + id, admin));
        assertThat(user.text("/user/userName")).isEqualTo("snake-robot");
        assertThat(user.text("/user/machine/accessTokenType")).isEqualTo("ACCESS_TOKEN_TYPE_JWT");
        assertThat(user.text()).doesNotContain("favourite").doesNotContain("green");

        ok(server.put(M + "/users/" + id + "/machine", admin, "{\"name\":\"Snake\",\"access_token_type\":1}"));
        assertThat(ok(server.get(M + "/users/" + id, admin)).text("/user/machine/accessTokenType"))
                .as("an enum as its number").isEqualTo("ACCESS_TOKEN_TYPE_JWT");
        String tokenId = ok(server.post(M + "/users/" + id + "/pats", admin,
                "{\"expiration_date\":\"2519-04-01T08:45:00Z\",\"scopes\":[\"admin\"]}")).text("/tokenId");
        assertThat(ok(server.get(M + "/users/" + id + "/pats/" + tokenId, admin)).text("/token/expirationDate"))
                .isEqualTo("2519-04-01T08:45:00Z");
    }

    @Test
    void anEmptyBodyCountsAsAnEmptyObject() {
        String id = server.createUser("empty-body");
        Api.Reply pat = ok(server.post(M + "/users/" + id + "/pats", admin, ""));
        assertThat(pat.text("/token")).isNotBlank();
        ok(server.post(M + "/users/" + id + "/_deactivate", admin, null));
        ok(server.post(M + "/users/_search", admin, ""));
    }

    Stream<Arguments> malformedBodies() {
        String machine = M + "/users/machine";
        return Stream.of(
                Arguments.of(machine, "{\"userName\":", "truncated JSON"),
                Arguments.of(machine, "{userName:\"a\",name:\"b\"}", "unquoted names"),
                Arguments.of(machine, "{\"userName\":\"mb-1\",\"name\":\"b\"} trailing", "trailing garbage"),
                Arguments.of(machine, "{\"userName\":\"mb-2\",\"name\":\"b\"}{}", "two objects"),
                Arguments.of(machine, "[]", "an array"),
                Arguments.of(machine, "\"mb-3\"", "a string"),
                Arguments.of(machine, "42", "a number"),
                Arguments.of(machine, "{\"userName\":[\"mb-4\"],\"name\":\"b\"}", "array for string"),
                Arguments.of(machine, "{\"userName\":{\"v\":\"mb-5\"},\"name\":\"b\"}", "object for string"),
                Arguments.of(machine, "{\"userName\":12345,\"name\":\"b\"}", "number for string"),
                Arguments.of(machine, "{\"userName\":true,\"name\":\"b\"}", "bool for string"),
                Arguments.of(machine, "{\"userName\":\"mb-6\",\"name\":\"b\",\"accessTokenType\":\"ACCESS_TOKEN_TYPE_X\"}",
                        "unknown enum name"),
                Arguments.of(machine, "{\"userName\":\"mb-7\",\"name\":\"b\",\"accessTokenType\":7}",
                        "unknown enum number"),
                Arguments.of(machine, "{\"userName\":\"mb-8\",\"name\":\"b\",\"accessTokenType\":true}",
                        "bool for enum"),
                Arguments.of(machine, "{\"userName\":\"mb-9\",\"name\":\"b\",\"description\":{}}",
                        "object for description"),
                Arguments.of(machine, repeat("{\"a\":", 100) + "1" + repeat("}", 100), "deep nesting"),
                Arguments.of(M + "/users/" + "%s" + "/pats", "{\"expirationDate\":\"tomorrow\"}", "not a timestamp"),
                Arguments.of(M + "/users/" + "%s" + "/pats", "{\"expirationDate\":\"2519-04-01\"}", "a date only"),
                Arguments.of(M + "/users/" + "%s" + "/pats", "{\"expirationDate\":253402300799}",
                        "unix seconds for a timestamp"),
                Arguments.of(M + "/orgs", "{\"name\":[\"Array Org\"]}", "array for org name"),
                Arguments.of(M + "/orgs/me/members", "{\"userId\":\"%s\",\"roles\":\"ORG_OWNER\"}",
                        "string for roles"),
                Arguments.of(M + "/orgs/me/members", "{\"userId\":\"%s\",\"roles\":[[\"ORG_OWNER\"]]}",
                        "nested roles"),
                Arguments.of("/admin/v1/orgs/_search", "{\"queries\":[{\"stateQuery\":{\"state\":\"NOPE\"}}]}",
                        "unknown org state"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformedBodies")
    void aMalformedBodyIs400InvalidArgumentAndStoresNothing(String path, String body, String what) {
        String target = path.replace("%s", nobodyId);
        Api.Reply reply = server.storesNothing(() -> server.post(target, admin, body.replace("%s", nobodyId)));
        assertPlainError(reply, 400, 3);
        assertThat(reply.text("/message")).startsWith("invalid ");
    }

    @Test
    void invalidUtf8Is400InvalidArgumentAndStoresNothing() {
        byte[] prefix = "{\"userName\":\"bad-".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"name\":\"Bad UTF-8\"}".getBytes(StandardCharsets.UTF_8);
        for (byte[] invalid : new byte[][] {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}}) {
            byte[] body = new byte[prefix.length + invalid.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
            System.arraycopy(suffix, 0, body, prefix.length + invalid.length, suffix.length);
            Api.Reply reply = server.storesNothing(() -> server.raw("POST", M + "/users/machine", admin, body));
            assertPlainError(reply, 400, 3);
        }
    }

    @Test
    void anyRequestContentTypeIsAccepted() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            String name = "content-type-" + (type == null ? "none" : type.replace('/', '-'));
            Api.Reply reply = server.raw("POST", M + "/users/machine", admin,
                    ("{\"userName\":\"" + name + "\",\"name\":\"Typed\"}").getBytes(StandardCharsets.UTF_8), type);
            assertThat(reply.status()).as(type + ": " + reply.text()).isEqualTo(200);
        }
    }

    @Test
    void anOversizedBodyIsRefusedWithAJsonErrorAndStoresNothing() {
        byte[] body = ("{\"userName\":\"huge\",\"name\":\"Huge\",\"description\":\"" + repeat("x", 2 * 1024 * 1024)
                + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = server.storesNothing(() -> server.raw("POST", M + "/users/machine", admin, body,
                "application/json", true));
        assertThat(reply.status()).as(reply.text()).isBetween(400, 499);
        assertThat(fieldNames(reply.json())).contains("code", "message");
    }

    // ======================================================================================
    // §3 personal access tokens
    // ======================================================================================

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2020-06-01T12:00:00+02:00"})
    void aPatExpiringInThePastIs400ExpireBeforeNow(String expiration) {
        String id = server.createUser("past-pat-" + expiration.substring(0, 4));
        assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/pats", admin,
                "{\"expirationDate\":\"" + expiration + "\"}")), 400, 3, "DOMAIN-dv3t5",
                "Errors.AuthNKey.ExpireBeforeNow");
    }

    @Test
    void aPatForAnUnknownOtherOrgsOrDeletedUserIs400UserNotFound() {
        String deleted = server.createUser("deleted-before-pat");
        ok(server.delete(M + "/users/" + deleted, admin));
        for (String id : List.of("1", "abc", otherOrgUserId, deleted)) {
            assertError(server.storesNothing(() -> server.post(M + "/users/" + id + "/pats", admin, "{}")),
                    400, 9, "COMMAND-Dggw2", "User could not be found");
        }
    }

    @Test
    void getOfAnUnknownPatOrOfAnotherUsersPatIs404() {
        String owner = server.createUser("pat-owner");
        String stranger = server.createUser("pat-stranger");
        String tokenId = ok(server.post(M + "/users/" + owner + "/pats", admin, "{}")).text("/tokenId");
        ok(server.get(M + "/users/" + owner + "/pats/" + tokenId, admin));
        for (String path : List.of(owner + "/pats/1", owner + "/pats/abc", stranger + "/pats/" + tokenId,
                "1/pats/" + tokenId)) {
            assertError(server.get(M + "/users/" + path, admin), 404, 5, "QUERY-fRunu",
                    "Errors.PersonalAccessToken.NotFound");
        }
        assertError(server.get(M + "/users/" + owner + "/pats/" + tokenId, admin, otherOrgId), 404, 5,
                "QUERY-fRunu", "Errors.PersonalAccessToken.NotFound");
    }

    @Test
    void removingAnUnknownPatOrOneTwiceIs404() {
        String owner = server.createUser("pat-remover");
        String stranger = server.createUser("pat-remover-stranger");
        String tokenId = ok(server.post(M + "/users/" + owner + "/pats", admin, "{}")).text("/tokenId");
        for (String path : List.of(owner + "/pats/1", stranger + "/pats/" + tokenId)) {
            assertError(server.storesNothing(() -> server.delete(M + "/users/" + path, admin)), 404, 5,
                    "COMMAND-4m77G", "Personal Access Token not found");
        }
        assertError(server.storesNothing(() -> server.delete(M + "/users/" + owner + "/pats/" + tokenId, admin,
                otherOrgId)), 404, 5, "COMMAND-4m77G", "Personal Access Token not found");
        Api.Reply removed = ok(server.delete(M + "/users/" + owner + "/pats/" + tokenId, admin));
        assertThat(fieldNames(removed.at("/details"))).contains("changeDate", "resourceOwner")
                .doesNotContain("creationDate");
        assertError(server.storesNothing(() -> server.delete(M + "/users/" + owner + "/pats/" + tokenId, admin)),
                404, 5, "COMMAND-4m77G", "Personal Access Token not found");
    }

    @Test
    void listingPatsOfAnUnknownUserIs200WithoutResult() {
        for (String id : List.of("1", "abc", otherOrgUserId)) {
            Api.Reply reply = ok(server.post(M + "/users/" + id + "/pats/_search", admin, "{}"));
            assertThat(reply.json().has("result")).isFalse();
            assertThat(reply.at("/details/totalResult").isMissingNode()).isTrue();
        }
    }

    @Test
    void aPatWithoutExpirationLastsUntil9999AndItsTokenIsShownOnlyInTheAddResponse() {
        String id = server.createUser("pat-once");
        Api.Reply added = ok(server.post(M + "/users/" + id + "/pats", admin, "{}"));
        String token = added.text("/token");
        String tokenId = added.text("/tokenId");
        assertThat(fieldNames(added.at("/details"))).contains("creationDate").doesNotContain("changeDate");

        Api.Reply got = ok(server.get(M + "/users/" + id + "/pats/" + tokenId, admin));
        assertThat(got.text("/token/expirationDate")).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(texts(got.at("/token/scopes"))).containsExactly("openid", "profile",
                "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner");
        Api.Reply offset = ok(server.post(M + "/users/" + id + "/pats", admin,
                "{\"expirationDate\":\"2519-04-01T10:45:00+02:00\"}"));
        Api.Reply list = ok(server.post(M + "/users/" + id + "/pats/_search", admin, "{\"query\":{\"asc\":true}}"));
        assertThat(list.text("/details/totalResult")).isEqualTo("2");
        assertThat(list.text("/result/0/expirationDate")).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(list.text("/result/1/expirationDate")).isEqualTo("2519-04-01T08:45:00Z");
        Api.Reply limited = ok(server.post(M + "/users/" + id + "/pats/_search", admin,
                "{\"query\":{\"limit\":1,\"offset\":\"1\",\"asc\":true}}"));
        assertThat(limited.at("/result")).hasSize(1);
        assertThat(limited.text("/result/0/id")).isEqualTo(offset.text("/tokenId"));
        assertThat(limited.text("/details/totalResult")).isEqualTo("2");

        for (Api.Reply reply : List.of(got, list, ok(server.get(M + "/users/" + id, admin)))) {
            assertThat(reply.text()).doesNotContain(token).doesNotContain(offset.text("/token"));
        }
        assertThat(server.snapshot()).as("the database holds no token").doesNotContain(token);
    }

    // ======================================================================================
    // §4 organizations
    // ======================================================================================

    @Test
    void aTakenOrgNameIs409OnAddAndOnRename() {
        String org = server.createOrg("Taken Name Org");
        server.createOrg("Taken Name Org 2");
        assertError(server.storesNothing(() -> server.post(M + "/orgs", admin, "{\"name\":\"Taken Name Org\"}")),
                409, 6, "V3-DKcYh", "Organisation's name or id already taken");
        String third = server.createOrg("Taken Name Org 3");
        assertError(server.storesNothing(() -> server.put(M + "/orgs/me", admin, "{\"name\":\"Taken Name Org\"}",
                third)), 409, 6, "V3-DKcYh", "Organisation's name or id already taken");
        assertThat(ok(server.get(M + "/orgs/me", admin, third)).text("/org/name")).isEqualTo("Taken Name Org 3");
        assertThat(ok(server.get(M + "/orgs/me", admin, org)).text("/org/name")).isEqualTo("Taken Name Org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}"})
    void anEmptyOrgNameIs400InvalidArgument(String body) {
        assertValidationError(server.storesNothing(() -> server.post(M + "/orgs", admin, body)),
                "invalid AddOrgRequest.Name");
        assertValidationError(server.storesNothing(() -> server.put(M + "/orgs/me", admin, body)),
                "invalid UpdateOrgRequest.Name");
    }

    @Test
    void aTooLongOrgNameIs400AndTwoHundredRunesAreFine() {
        assertValidationError(server.storesNothing(() -> server.post(M + "/orgs", admin,
                "{\"name\":\"" + repeat("o", 201) + "\"}")), "invalid AddOrgRequest.Name");
        String id = ok(server.post(M + "/orgs", admin, "{\"name\":\"" + repeat("ö", 200) + "\"}")).text("/id");
        assertThat(ok(server.get(M + "/orgs/me", admin, id)).text("/org/name")).isEqualTo(repeat("ö", 200));
    }

    @Test
    void orgStateChangesRefuseTheWrongStartingState() {
        String org = server.createOrg("Toggle Org");
        assertError(server.storesNothing(() -> server.post(M + "/orgs/me/_reactivate", admin, "{}", org)),
                400, 9, "ORG-bfnrh", "Organisation is already active");
        Api.Reply deactivated = ok(server.post(M + "/orgs/me/_deactivate", admin, "{}", org));
        assertThat(deactivated.text("/details/resourceOwner")).isEqualTo(org);
        assertThat(ok(server.get(M + "/orgs/me", admin, org)).text("/org/state")).isEqualTo("ORG_STATE_INACTIVE");
        assertError(server.storesNothing(() -> server.post(M + "/orgs/me/_deactivate", admin, "{}", org)),
                400, 9, "ORG-Dbs2g", "Organisation is already deactivated");
        assertThat(ok(server.get("/admin/v1/orgs/" + org, admin)).text("/org/state")).isEqualTo("ORG_STATE_INACTIVE");
        ok(server.post(M + "/orgs/me/_reactivate", admin, "{}", org));
        assertThat(ok(server.get(M + "/orgs/me", admin, org)).text("/org/state")).isEqualTo("ORG_STATE_ACTIVE");
    }

    @Test
    void theDefaultOrgCannotBeRemoved() {
        Api.Reply reply = server.storesNothing(() -> server.delete(M + "/orgs/me", admin));
        assertError(reply, 400, 9, "ORG-wlsde", "The default organisation cannot be removed");
        assertError(server.storesNothing(() -> server.delete(M + "/orgs/me", admin, server.defaultOrgId)),
                400, 9, "ORG-wlsde", "The default organisation cannot be removed");
    }

    @Test
    void removingAnotherOrgLocksOutItsUsersAndItsId() {
        String org = server.createOrg("Doomed Org");
        String userId = server.createUser("doomed-robot", org);
        ok(server.post(M + "/orgs/me/members", admin, ErrorCaseServer.memberBody(userId, "ORG_OWNER"), org));
        String token = server.createPat(userId, org);
        assertThat(ok(server.get(M + "/orgs/me", token)).text("/org/id")).isEqualTo(org);
        server.grantOrgRoles(userId, "ORG_OWNER_VIEWER");

        Api.Reply removed = ok(server.delete(M + "/orgs/me", admin, org));
        assertThat(removed.text("/details/resourceOwner")).isEqualTo(org);
        assertThat(removed.at("/details/changeDate").isTextual()).isTrue();

        assertTokenInvalid(server.get(M + "/orgs/me", token));
        assertOrgDoesNotExist(server.get(M + "/orgs/me", admin, org));
        assertOrgDoesNotExist(server.storesNothing(() -> server.post(M + "/users/machine", admin,
                "{\"userName\":\"ghost-robot\",\"name\":\"Ghost\"}", org)));
        assertError(server.get("/admin/v1/orgs/" + org, admin), 404, 5, "QUERY-iTTGJ", "Organisation not found");
        Api.Reply listed = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Doomed Org\"}}]}"));
        assertThat(listed.json().has("result")).isFalse();
        assertError(server.get(M + "/users/" + userId, admin), 404, 5, "QUERY-Dfbg2", "User could not be found");
        Api.Reply members = ok(server.post(M + "/orgs/me/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + userId + "\"}}]}"));
        assertThat(members.json().has("result")).as("the removed org's users leave the other orgs' members").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "123456789012345678", "abc", "0"})
    void adminGetOfAnUnknownOrgIs404(String id) {
        assertError(server.get("/admin/v1/orgs/" + id, admin), 404, 5, "QUERY-iTTGJ", "Organisation not found");
    }

    @Test
    void adminOrgListFiltersByNameDomainAndState() {
        String alpha = server.createOrg("Listed Alpha");
        String beta = server.createOrg("Listed Beta");
        server.createOrg("Listed Gamma");
        ok(server.post(M + "/orgs/me/_deactivate", admin, "{}", beta));

        Api.Reply all = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Listed \",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}"));
        assertThat(all.text("/details/totalResult")).isEqualTo("3");
        assertThat(all.at("/result")).hasSize(3);

        Api.Reply exact = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Listed Alpha\"}}]}"));
        assertThat(exact.at("/result")).hasSize(1);
        assertThat(exact.text("/result/0/id")).isEqualTo(alpha);
        assertThat(exact.text("/result/0/primaryDomain")).isEqualTo("listed-alpha.localhost");

        Api.Reply caseSensitive = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"listed alpha\"}}]}"));
        assertThat(caseSensitive.json().has("result")).as("EQUALS is case-sensitive").isFalse();

        Api.Reply inactive = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Listed\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}},"
                        + "{\"stateQuery\":{\"state\":\"ORG_STATE_INACTIVE\"}}]}"));
        assertThat(inactive.at("/result")).hasSize(1);
        assertThat(inactive.text("/result/0/id")).isEqualTo(beta);
        assertThat(inactive.text("/result/0/state")).isEqualTo("ORG_STATE_INACTIVE");

        Api.Reply active = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"name_query\":{\"name\":\"LISTED\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE\"}},"
                        + "{\"stateQuery\":{\"state\":1}}],\"query\":{\"limit\":1}}"));
        assertThat(active.text("/details/totalResult")).isEqualTo("2");
        assertThat(active.at("/result")).hasSize(1);

        Api.Reply byDomain = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"domainQuery\":{\"domain\":\"listed-beta.localhost\"}}]}"));
        assertThat(byDomain.at("/result")).hasSize(1);
        assertThat(byDomain.text("/result/0/id")).isEqualTo(beta);

        Api.Reply none = ok(server.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Listed_\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}"));
        assertThat(none.json().has("result")).as("an underscore is no wildcard").isFalse();
    }

    // ======================================================================================
    // §5 members
    // ======================================================================================

    private static final List<String> ORG_ROLES = List.of("ORG_OWNER", "ORG_USER_MANAGER", "ORG_OWNER_VIEWER",
            "ORG_SETTINGS_MANAGER", "ORG_USER_PERMISSION_EDITOR", "ORG_PROJECT_PERMISSION_EDITOR",
            "ORG_PROJECT_CREATOR", "ORG_ADMIN_IMPERSONATOR", "ORG_END_USER_IMPERSONATOR", "ORG_USER_SELF_MANAGER");

    @Test
    void orgMemberRolesAreTheOrgRolesInConfigOrderWithSelfManagementOnlyOnTheDefaultOrg() {
        List<String> onDefault = new ArrayList<>(ORG_ROLES);
        onDefault.add("SELF_MANAGEMENT_GLOBAL");
        Api.Reply roles = ok(server.post(M + "/orgs/members/roles/_search", admin, null));
        assertThat(texts(roles.at("/result"))).containsExactlyElementsOf(onDefault);
        // The method has no body: whatever is sent is ignored.
        Api.Reply withJunk = ok(server.post(M + "/orgs/members/roles/_search", admin, "{not json"));
        assertThat(texts(withJunk.at("/result"))).containsExactlyElementsOf(onDefault);

        Api.Reply other = ok(server.post(M + "/orgs/members/roles/_search", admin, null, otherOrgId));
        assertThat(texts(other.at("/result"))).containsExactlyElementsOf(ORG_ROLES);

        Api.Reply iam = ok(server.post("/admin/v1/members/roles/_search", admin, null));
        assertThat(texts(iam.at("/result"))).contains("IAM_OWNER").allMatch(r -> r.startsWith("IAM_"));
    }

    @Test
    void addingAnOrgMemberWithoutRolesIs400InvalidArgument() {
        String id = server.createUser("member-no-roles");
        for (String body : List.of("{\"userId\":\"" + id + "\",\"roles\":[]}", "{\"userId\":\"" + id + "\"}")) {
            assertError(server.storesNothing(() -> server.post(M + "/orgs/me/members", admin, body)), 400, 3,
                    "ORG-4Mlfs", "Errors.Invalid.Argument");
        }
        assertPlainOrDetailedInvalidArgument(server.storesNothing(() -> server.post(M + "/orgs/me/members", admin,
                "{\"roles\":[\"ORG_OWNER\"]}")));
    }

    /** 400 code 3, with or without details: the contract names no id for a missing user id. */
    private static void assertPlainOrDetailedInvalidArgument(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IAM_OWNER", "IAM_ORG_MANAGER", "ORG_NOPE", "org_owner", "PROJECT_OWNER", ""})
    void addingAnIamRoleOrAnUnknownRoleOnAnOrgIs400MemberInvalid(String role) {
        String id = server.createUser("member-bad-role-" + Math.abs(role.hashCode()));
        for (String roles : List.of("[\"" + role + "\"]", "[\"ORG_OWNER\",\"" + role + "\"]")) {
            assertError(server.storesNothing(() -> server.post(M + "/orgs/me/members", admin,
                    "{\"userId\":\"" + id + "\",\"roles\":" + roles + "}")), 400, 3, "Org-4N8es",
                    "Errors.Org.MemberInvalid");
        }
    }

    @Test
    void addingAnUnknownOrDeletedUserAsOrgMemberIs400UserNotFound() {
        String deleted = server.createUser("member-deleted");
        ok(server.delete(M + "/users/" + deleted, admin));
        for (String id : List.of("1", "abc", deleted)) {
            assertError(server.storesNothing(() -> server.post(M + "/orgs/me/members", admin,
                    ErrorCaseServer.memberBody(id, "ORG_OWNER"))), 400, 9, "ORG-GoXOn", "User could not be found");
        }
    }

    @Test
    void addingAnOrgMemberTwiceIs409AndKeepsTheFirstRoles() {
        String id = server.createUser("member-twice");
        Api.Reply first = ok(server.post(M + "/orgs/me/members", admin,
                ErrorCaseServer.memberBody(id, "ORG_USER_MANAGER")));
        assertThat(fieldNames(first.at("/details"))).contains("creationDate").doesNotContain("changeDate");
        assertError(server.storesNothing(() -> server.post(M + "/orgs/me/members", admin,
                ErrorCaseServer.memberBody(id, "ORG_OWNER"))), 409, 6, "ORG-poWwe", "Errors.Org.Member.AlreadyExists");
        Api.Reply members = ok(server.post(M + "/orgs/me/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + id + "\"}}]}"));
        assertThat(texts(members.at("/result/0/roles"))).containsExactly("ORG_USER_MANAGER");
    }

    @Test
    void updatingANonMemberIs404AndRemovingANonMemberIs200() {
        String id = server.createUser("not-a-member");
        for (String target : List.of(id, "1", "abc")) {
            assertError(server.storesNothing(() -> server.put(M + "/orgs/me/members/" + target, admin,
                    "{\"roles\":[\"ORG_OWNER_VIEWER\"]}")), 404, 5, "Org-D8JxR", "Errors.NotFound");
            Api.Reply removed = ok(server.storesNothing(() -> server.delete(M + "/orgs/me/members/" + target,
                    admin)));
            assertThat(removed.text("/details/resourceOwner")).isEqualTo(server.defaultOrgId);
            assertThat(removed.at("/details/changeDate").isTextual()).isTrue();
        }
    }

    @Test
    void updatingAMemberChecksTheRolesLikeAdding() {
        String id = server.createUser("member-update-roles");
        server.grantOrgRoles(id, "ORG_OWNER_VIEWER");
        assertError(server.storesNothing(() -> server.put(M + "/orgs/me/members/" + id, admin,
                "{\"roles\":[]}")), 400, 3, "ORG-4Mlfs", "Errors.Invalid.Argument");
        assertError(server.storesNothing(() -> server.put(M + "/orgs/me/members/" + id, admin,
                "{\"roles\":[\"IAM_OWNER\"]}")), 400, 3, "Org-4N8es", "Errors.Org.MemberInvalid");
        ok(server.put(M + "/orgs/me/members/" + id, admin, "{\"roles\":[\"ORG_OWNER_VIEWER\"]}"));
    }

    @Test
    void changedAndRemovedMembershipsTakeEffectOnTheVeryNextRequest() {
        String id = server.createUser("member-effects");
        String token = server.createPat(id);
        server.grantOrgRoles(id, "ORG_OWNER");
        ok(server.post(M + "/users/_search", token, "{}"));
        ok(server.post(M + "/orgs/me/members/_search", token, "{}"));

        ok(server.put(M + "/orgs/me/members/" + id, admin, "{\"roles\":[\"ORG_USER_MANAGER\"]}"));
        assertPermissionDenied(server.post(M + "/orgs/me/members/_search", token, "{}"));
        ok(server.post(M + "/users/_search", token, "{}"));

        ok(server.delete(M + "/orgs/me/members/" + id, admin));
        assertNoMembership(server.post(M + "/users/_search", token, "{}"));
    }

    @Test
    void aUserOfAnotherOrgCanBeAnOrgMember() {
        String foreigner = server.createUser("foreign-member", otherOrgId);
        ok(server.post(M + "/orgs/me/members", admin, ErrorCaseServer.memberBody(foreigner, "ORG_OWNER_VIEWER")));
        Api.Reply members = ok(server.post(M + "/orgs/me/members/_search", admin,
                "{\"queries\":[{\"userIdQuery\":{\"userId\":\"" + foreigner + "\"}}]}"));
        assertThat(members.text("/result/0/userResourceOwner")).isEqualTo(otherOrgId);
        assertThat(members.text("/result/0/userType")).isEqualTo("TYPE_MACHINE");
    }

    @Test
    void anIamOwnerGrantedThroughTheAdminApiReachesEveryOrg() {
        String id = server.createUser("late-iam-owner");
        String token = server.createPat(id);
        assertNoMembership(server.get("/admin/v1/orgs/" + otherOrgId, token));
        assertNoMembership(server.get(M + "/orgs/me", token, otherOrgId));

        Api.Reply granted = ok(server.post("/admin/v1/members", admin, ErrorCaseServer.memberBody(id, "IAM_OWNER")));
        assertThat(fieldNames(granted.at("/details"))).contains("creationDate", "resourceOwner");

        assertThat(ok(server.get("/admin/v1/orgs/" + otherOrgId, token)).text("/org/name")).isEqualTo("Other Org");
        assertThat(ok(server.get(M + "/orgs/me", token, otherOrgId)).text("/org/id")).isEqualTo(otherOrgId);
        assertThat(ok(server.get(M + "/orgs/me", token)).text("/org/id")).isEqualTo(server.defaultOrgId);
        ok(server.get(M + "/users/" + otherOrgUserId, token, otherOrgId));
        Api.Reply iamMembers = ok(server.post("/admin/v1/members/_search", admin, "{}"));
        assertThat(iamMembers.at("/result").findValuesAsText("userId")).contains(id, server.adminUserId);
    }

    @Test
    void iamMemberErrorsMirrorTheOrgMemberOnes() {
        String id = server.createUser("iam-member-errors");
        assertError(server.storesNothing(() -> server.post("/admin/v1/members", admin,
                "{\"userId\":\"" + id + "\",\"roles\":[]}")), 400, 3, "IAM-4Mlfs", "Errors.Invalid.Argument");
        assertError(server.storesNothing(() -> server.post("/admin/v1/members", admin,
                ErrorCaseServer.memberBody(id, "ORG_OWNER"))), 400, 3, "IAM-4N8es", "Errors.IAM.MemberInvalid");
        assertError(server.storesNothing(() -> server.post("/admin/v1/members", admin,
                ErrorCaseServer.memberBody("1", "IAM_OWNER_VIEWER"))), 400, 9, "IAM-5N9vs", "User could not be found");
        assertError(server.storesNothing(() -> server.put("/admin/v1/members/" + id, admin,
                "{\"roles\":[\"IAM_OWNER_VIEWER\"]}")), 404, 5, "IAM-D8JxR", "Errors.NotFound");
        ok(server.storesNothing(() -> server.delete("/admin/v1/members/" + id, admin)));
        ok(server.post("/admin/v1/members", admin, ErrorCaseServer.memberBody(id, "IAM_OWNER_VIEWER")));
        assertError(server.storesNothing(() -> server.post("/admin/v1/members", admin,
                ErrorCaseServer.memberBody(id, "IAM_OWNER"))), 409, 6, "IAM-sdgQ4", "Errors.IAM.Member.AlreadyExists");
    }

    // ======================================================================================
    // §9 routes
    // ======================================================================================

    @ParameterizedTest
    @ValueSource(strings = {M + "/no/such/route", M + "/users/1/nothing/here", M + "/orgs/me/members/1/roles",
            "/admin/v1/no/such/route", M, M + "/"})
    void anUnknownRouteIs404NotFoundAfterAuthentication(String path) {
        Api.Reply reply = server.get(path, admin);
        assertPlainError(reply, 404, 5);
        assertThat(reply.text("/message")).isEqualTo("Not Found");
        assertPlainError(server.get(path, null), 401, 16);
        assertTokenInvalid(server.get(path, "bad-token"));
    }

    @Test
    void aWrongHttpMethodOnAServedPathIs405MethodNotAllowed() {
        for (String[] request : new String[][] {{"DELETE", M + "/orgs"}, {"GET", M + "/orgs/me/members"},
                {"PATCH", M + "/orgs/me"}, {"PUT", "/admin/v1/orgs/_search"}}) {
            Api.Reply reply = server.storesNothing(() -> server.call(request[0], request[1], admin, "{}", Map.of()));
            assertPlainError(reply, 405, 12);
            assertThat(reply.text("/message")).as(request[0] + " " + request[1]).isEqualTo("Method Not Allowed");
        }
    }
}
