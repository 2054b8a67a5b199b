package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertError;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertNoMembership;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertPermissionDenied;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.assertValidationError;
import static dev.warden.bootstrap.e2e.ErrorCaseServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission table of the contract (§5.3 role → permission, §5.4 endpoint → permission, §1.5
 * membership resolution) through the real server on MariaDB: every served endpoint is called by a
 * service user holding exactly one role on the default organization or on the instance, by a user
 * without any membership, and by one whose only membership is on another organization.
 *
 * <p>A caller holding the permission gets the endpoint's own answer; each request is chosen so that
 * this answer changes nothing (an invalid body, an unknown id, a precondition that fails, a read).
 * A caller with memberships but without the permission gets 403 {@code AUTH-5mWD2}; a caller with
 * no membership on the current org nor on the instance gets 404 {@code AUTHZ-cdgFk}. None of the
 * requests stores anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementErrorsPermissionMatrixEndToEndTest {

    /**
     * The columns of the contract's matrix (§5.3) for the permissions Warden's endpoints check, plus
     * SELF_MANAGEMENT_GLOBAL and ORG_USER_SELF_MANAGER from the full lists below it.
     */
    private static final Map<String, Set<String>> CONTRACT_PERMISSIONS = new LinkedHashMap<>();

    static {
        CONTRACT_PERMISSIONS.put("IAM_OWNER", Set.of("user.read", "user.write", "user.delete", "org.read",
                "org.create", "org.write", "org.delete", "org.member.read", "org.member.write", "org.member.delete",
                "iam.read", "iam.write", "iam.member.read", "iam.member.write", "iam.member.delete"));
        CONTRACT_PERMISSIONS.put("IAM_OWNER_VIEWER", Set.of("user.read", "org.read", "org.member.read", "iam.read",
                "iam.member.read"));
        CONTRACT_PERMISSIONS.put("IAM_ORG_MANAGER", Set.of("user.read", "user.write", "user.delete", "org.read",
                "org.create", "org.write", "org.delete", "org.member.read", "org.member.write",
                "org.member.delete"));
        CONTRACT_PERMISSIONS.put("IAM_USER_MANAGER", Set.of("user.read", "user.write", "user.delete", "org.read",
                "org.member.read", "org.member.delete"));
        CONTRACT_PERMISSIONS.put("IAM_LOGIN_CLIENT", Set.of("user.read", "user.write", "org.read", "org.member.read",
                "org.member.write", "iam.read", "iam.member.read", "iam.member.write"));
        CONTRACT_PERMISSIONS.put("ORG_OWNER", Set.of("user.read", "user.write", "user.delete", "org.read",
                "org.write", "org.delete", "org.member.read", "org.member.write", "org.member.delete"));
        CONTRACT_PERMISSIONS.put("ORG_USER_MANAGER", Set.of("user.read", "user.write", "user.delete", "org.read"));
        CONTRACT_PERMISSIONS.put("ORG_OWNER_VIEWER", Set.of("user.read", "org.read", "org.member.read"));
        CONTRACT_PERMISSIONS.put("ORG_USER_PERMISSION_EDITOR", Set.of("user.read", "org.read", "org.member.read"));
        CONTRACT_PERMISSIONS.put("ORG_SETTINGS_MANAGER", Set.of("org.read", "org.write", "org.member.read"));
        CONTRACT_PERMISSIONS.put("ORG_PROJECT_PERMISSION_EDITOR", Set.of("user.read", "org.read",
                "org.member.read"));
        CONTRACT_PERMISSIONS.put("ORG_PROJECT_CREATOR", Set.of());
        CONTRACT_PERMISSIONS.put("ORG_USER_SELF_MANAGER", Set.of());
        CONTRACT_PERMISSIONS.put("SELF_MANAGEMENT_GLOBAL", Set.of("org.create"));
    }

    /** Callers whose memberships do not apply to the default organization nor the instance. */
    private static final String NO_MEMBERSHIP = "no membership at all";
    private static final String OWNER_ELSEWHERE = "ORG_OWNER of another org only";

    private ErrorCaseServer server;
    /** Caller name → PAT; every caller is a service user of the default organization. */
    private final Map<String, String> callers = new LinkedHashMap<>();

    /** One served endpoint, the permission it needs (§5.4) and its answer to a caller holding it. */
    record Endpoint(String method, String path, String body, String permission, Consumer<Api.Reply> granted) {
        @Override
        public String toString() {
            return method + " " + path + " (" + permission + ")";
        }
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        server = ErrorCaseServer.start(dataDir);
        for (String role : CONTRACT_PERMISSIONS.keySet()) {
            String userId = server.createUser("matrix-" + role.toLowerCase().replace('_', '-'));
            if (role.startsWith("IAM_")) {
                server.grantIamRoles(userId, role);
            } else {
                server.grantOrgRoles(userId, role);
            }
            callers.put(role, server.createPat(userId));
        }
        callers.put(NO_MEMBERSHIP, server.createPat(server.createUser("matrix-nobody")));

        String elsewhere = server.createUser("matrix-owner-elsewhere");
        String otherOrg = server.createOrg("Matrix Elsewhere");
        ok(server.post("/management/v1/orgs/me/members", server.admin,
                ErrorCaseServer.memberBody(elsewhere, "ORG_OWNER"), otherOrg));
        callers.put(OWNER_ELSEWHERE, server.createPat(elsewhere));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    List<Endpoint> endpoints() {
        String m = "/management/v1";
        String admin = server.adminUserId;
        Consumer<Api.Reply> ok = ErrorCaseServer::ok;
        return List.of(
                new Endpoint("GET", m + "/orgs/me", null, "org.read", ok),
                new Endpoint("POST", m + "/orgs", "{\"name\":\"\"}", "org.create",
                        r -> assertValidationError(r, "invalid AddOrgRequest.Name")),
                new Endpoint("PUT", m + "/orgs/me", "{\"name\":\"\"}", "org.write",
                        r -> assertValidationError(r, "invalid UpdateOrgRequest.Name")),
                new Endpoint("POST", m + "/orgs/me/_reactivate", "{}", "org.write",
                        r -> assertError(r, 400, 9, "ORG-bfnrh", "Organisation is already active")),
                new Endpoint("DELETE", m + "/orgs/me", null, "org.delete",
                        r -> assertError(r, 400, 9, "ORG-wlsde", "The default organisation cannot be removed")),
                new Endpoint("POST", m + "/orgs/members/roles/_search", null, "org.member.read", ok),
                new Endpoint("POST", m + "/orgs/me/members/_search", "{}", "org.member.read", ok),
                new Endpoint("POST", m + "/orgs/me/members", "{\"userId\":\"1\",\"roles\":[]}", "org.member.write",
                        r -> assertError(r, 400, 3, "ORG-4Mlfs", "Errors.Invalid.Argument")),
                new Endpoint("PUT", m + "/orgs/me/members/1", "{\"roles\":[\"ORG_OWNER\"]}", "org.member.write",
                        r -> assertError(r, 404, 5, "Org-D8JxR", "Errors.NotFound")),
                new Endpoint("DELETE", m + "/orgs/me/members/1", null, "org.member.delete", ok),
                new Endpoint("POST", m + "/users/machine", "{\"userName\":\"\",\"name\":\"\"}", "user.write",
                        r -> assertValidationError(r, "invalid AddMachineUserRequest.UserName")),
                new Endpoint("GET", m + "/users/" + admin, null, "user.read", ok),
                new Endpoint("POST", m + "/users/_search", "{}", "user.read", ok),
                new Endpoint("PUT", m + "/users/1/machine", "{\"name\":\"x\"}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-5M0od", "User could not be found")),
                new Endpoint("PUT", m + "/users/1/username", "{\"userName\":\"x\"}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-5N9ds", "User could not be found")),
                new Endpoint("POST", m + "/users/1/_deactivate", "{}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-3M9ds", "User could not be found")),
                new Endpoint("POST", m + "/users/1/_reactivate", "{}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-3M9ds", "User could not be found")),
                new Endpoint("POST", m + "/users/1/_lock", "{}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-3M9ds", "User could not be found")),
                new Endpoint("POST", m + "/users/1/_unlock", "{}", "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-3M9ds", "User could not be found")),
                new Endpoint("DELETE", m + "/users/1", null, "user.delete",
                        r -> assertError(r, 404, 5, "COMMAND-m9od", "User could not be found")),
                new Endpoint("POST", m + "/users/1/pats", "{}", "user.write",
                        r -> assertError(r, 400, 9, "COMMAND-Dggw2", "User could not be found")),
                new Endpoint("GET", m + "/users/" + admin + "/pats/1", null, "user.read",
                        r -> assertError(r, 404, 5, "QUERY-fRunu", "Errors.PersonalAccessToken.NotFound")),
                new Endpoint("POST", m + "/users/" + admin + "/pats/_search", "{}", "user.read", ok),
                new Endpoint("DELETE", m + "/users/" + admin + "/pats/1", null, "user.write",
                        r -> assertError(r, 404, 5, "COMMAND-4m77G", "Personal Access Token not found")),
                new Endpoint("GET", "/admin/v1/orgs/" + server.defaultOrgId, null, "iam.read", ok),
                new Endpoint("POST", "/admin/v1/orgs/_search", "{}", "iam.read", ok),
                new Endpoint("POST", "/admin/v1/members/_search", "{}", "iam.member.read", ok),
                new Endpoint("POST", "/admin/v1/members/roles/_search", null, "iam.member.read", ok),
                new Endpoint("POST", "/admin/v1/members", "{\"userId\":\"1\",\"roles\":[]}", "iam.member.write",
                        r -> assertError(r, 400, 3, "IAM-4Mlfs", "Errors.Invalid.Argument")),
                new Endpoint("PUT", "/admin/v1/members/1", "{\"roles\":[\"IAM_OWNER\"]}", "iam.member.write",
                        r -> assertError(r, 404, 5, "IAM-D8JxR", "Errors.NotFound")),
                new Endpoint("DELETE", "/admin/v1/members/1", null, "iam.member.delete", ok));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsTheEndpointsAnswerOnlyWithItsPermissionAndNoRequestStoresAnything(Endpoint endpoint) {
        List<String> failures = new ArrayList<>();
        String before = server.snapshot();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            String who = caller.getKey();
            try {
                Api.Reply reply = server.call(endpoint.method(), endpoint.path(), caller.getValue(), endpoint.body(),
                        Map.of());
                if (who.equals(NO_MEMBERSHIP) || who.equals(OWNER_ELSEWHERE)) {
                    assertNoMembership(reply);
                } else if (CONTRACT_PERMISSIONS.get(who).contains(endpoint.permission())) {
                    endpoint.granted().accept(reply);
                } else {
                    assertPermissionDenied(reply);
                }
            } catch (AssertionError e) {
                failures.add(who + ": " + e.getMessage().strip());
            }
        }
        assertThat(failures).as("callers answered against the contract's table").isEmpty();
        assertThat(server.snapshot()).as("nothing stored by the calls of the table").isEqualTo(before);
    }

    @Test
    void theInstanceOwnerTokenOfTheFirstStartPassesEveryEndpoint() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            try {
                endpoint.granted().accept(server.call(endpoint.method(), endpoint.path(), server.admin,
                        endpoint.body(), Map.of()));
            } catch (AssertionError e) {
                failures.add(endpoint + ": " + e.getMessage().strip());
            }
        }
        assertThat(failures).isEmpty();
    }
}
