package dev.warden.http.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.fakes.FakePorts;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.http.WardenRouting;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project, role, app, key and grant routes over the real services and in-memory fakes: wire
 * shapes, every endpoint's success and its errors (bad input, unknown ids, duplicates, permissions).
 * The principal is chosen per request by a test header in place of real authentication.
 */
@RoutingTest
class ProjectRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakePorts PORTS = new FakePorts();
    private static final Organization ORG = PORTS.organization("acme");
    private static final Organization OTHER_ORG = PORTS.organization("other");
    private static final ServiceUser ADMIN = PORTS.serviceUser(ORG, "admin");
    private static final ServiceUser OWNER = PORTS.serviceUser(ORG, "owner");
    private static final ServiceUser NOBODY = PORTS.serviceUser(ORG, "nobody");
    private static final ServiceUser VIEWER = PORTS.serviceUser(ORG, "viewer");
    private static final ServiceUser ROBOT = PORTS.serviceUser(ORG, "robot");
    private static final AtomicInteger NAMES = new AtomicInteger();

    static {
        PORTS.instance(ORG);
        PORTS.grant(ADMIN, MemberScope.IAM, PORTS.instances.find().orElseThrow().id(), Role.IAM_OWNER);
        PORTS.grant(OWNER, MemberScope.ORG, ORG.id(), Role.ORG_OWNER);
        PORTS.grant(VIEWER, MemberScope.ORG, ORG.id(), Role.ORG_OWNER_VIEWER);
    }

    private final DirectClient client;

    ProjectRoutesTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JsonCodec json = new JsonCodec(WardenRouting.DEFAULT_MAX_BODY_BYTES);
        new ErrorMapping(json).register(routing);
        Map<String, ServiceUser> callers = Map.of("admin", ADMIN, "owner", OWNER, "nobody", NOBODY, "viewer", VIEWER);
        routing.any("/management/v1/*", (request, response) -> {
            ServiceUser user = callers.get(request.headers().first(HeaderNames.create("x-test-caller")).orElse("admin"));
            request.context().register(Principal.class, new Principal(user.id(), user.orgId(), "1", "test",
                    Instant.parse("2999-01-01T00:00:00Z")));
            response.next();
        });
        ProjectUseCases useCases = ProjectFixture.useCases(PORTS);
        routing.register("/management/v1", new ProjectEndpoint(useCases, json))
                .register("/management/v1", new AppEndpoint(useCases, json))
                .register("/management/v1", new UserGrantEndpoint(useCases, json));
    }

    // --- projects --------------------------------------------------------------------------------

    @Test
    void projectIsAddedReadUpdatedListedDeactivatedReactivatedAndRemoved() {
        String name = unique("acme-api");
        Reply added = call("admin", Method.POST, "/projects", "{\"name\":\"" + name + "\",\"projectRoleAssertion\":true,"
                + "\"privateLabelingSetting\":\"PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String id = added.json().get("id").asText();
        assertThat(added.json().get("details").get("sequence").asText()).isEqualTo("1");
        assertThat(added.json().get("details").has("creationDate")).isTrue();
        assertThat(added.json().get("details").get("resourceOwner").asText()).isEqualTo(Long.toString(ORG.id()));

        JsonNode project = call("viewer", Method.GET, "/projects/" + id, null).json().get("project");
        assertThat(project.get("name").asText()).isEqualTo(name);
        assertThat(project.get("state").asText()).isEqualTo("PROJECT_STATE_ACTIVE");
        assertThat(project.get("projectRoleAssertion").asBoolean()).isTrue();
        assertThat(project.has("projectRoleCheck")).isFalse();
        assertThat(project.get("privateLabelingSetting").asText())
                .isEqualTo("PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY");

        // Full replacement: omitted flags become false, an omitted setting UNSPECIFIED.
        Reply updated = call("owner", Method.PUT, "/projects/" + id, "{\"name\":\"" + name + "-2\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("details").get("sequence").asText()).isEqualTo("2");
        assertThat(updated.json().get("details").has("changeDate")).isTrue();
        project = call("admin", Method.GET, "/projects/" + id, null).json().get("project");
        assertThat(project.has("projectRoleAssertion")).isFalse();
        assertThat(project.has("privateLabelingSetting")).isFalse();
        Reply unchanged = call("owner", Method.PUT, "/projects/" + id, "{\"name\":\"" + name + "-2\"}");
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().get("details").get("sequence").asText()).isEqualTo("2");

        Reply list = call("viewer", Method.POST, "/projects/_search", "{\"queries\":[{\"nameQuery\":{\"name\":\""
                + name + "\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}");
        assertThat(list.json().get("details").get("totalResult").asText()).isEqualTo("1");
        assertThat(list.json().get("result").get(0).get("id").asText()).isEqualTo(id);

        assertThat(call("owner", Method.POST, "/projects/" + id + "/_deactivate", "{}").status()).isEqualTo(200);
        assertError(call("owner", Method.POST, "/projects/" + id + "/_deactivate", "{}"), 400, 9,
                "Project is not active (COMMAND-mki55)");
        assertThat(call("admin", Method.GET, "/projects/" + id, null).json().get("project").get("state").asText())
                .isEqualTo("PROJECT_STATE_INACTIVE");
        assertThat(call("owner", Method.POST, "/projects/" + id + "/_reactivate", "{}").status()).isEqualTo(200);
        assertError(call("owner", Method.POST, "/projects/" + id + "/_reactivate", "{}"), 400, 9,
                "Project is not deactivated (COMMAND-5M9bs)");

        assertThat(call("owner", Method.DELETE, "/projects/" + id, null).status()).isEqualTo(200);
        assertError(call("admin", Method.GET, "/projects/" + id, null), 404, 5, "Project not found (QUERY-fk2fs)");
        assertError(call("owner", Method.DELETE, "/projects/" + id, null), 404, 5, "Project not found (COMMAND-3M9sd)");
    }

    @Test
    void projectErrors() {
        String name = unique("dup");
        assertThat(call("admin", Method.POST, "/projects", "{\"name\":\"" + name + "\"}").status()).isEqualTo(200);
        assertError(call("admin", Method.POST, "/projects", "{\"name\":\"" + name.toUpperCase() + "\"}"), 409, 6,
                "Project already exists on organization (V3-DKcYh)");
        assertInvalid(call("admin", Method.POST, "/projects", "{}"), "invalid AddProjectRequest.Name");
        assertInvalid(call("admin", Method.POST, "/projects", "{\"name\":\"" + "x".repeat(201) + "\"}"),
                "invalid AddProjectRequest.Name");
        assertInvalid(call("admin", Method.POST, "/projects", "{\"name\":\"a\",\"privateLabelingSetting\":7}"),
                "invalid AddProjectRequest.PrivateLabelingSetting");
        assertError(call("admin", Method.PUT, "/projects/123", "{\"name\":\"x\"}"), 404, 5,
                "Project not found (COMMAND-3M9sd)");
        assertError(call("admin", Method.POST, "/projects/123/_deactivate", "{}"), 404, 5,
                "Project not found (COMMAND-112M9)");
        assertError(call("admin", Method.GET, "/projects/not-a-number", null), 404, 5,
                "Project not found (QUERY-fk2fs)");
        assertInvalid(call("admin", Method.POST, "/projects/_search", "{\"queries\":[{}]}"),
                "invalid ListProjectsRequest.Queries[0]");
        // Another organization's project does not exist for this one.
        String foreign = addProject("viewer-cannot", "admin", OTHER_ORG.id());
        assertError(call("admin", Method.GET, "/projects/" + foreign, null), 404, 5, "Project not found (QUERY-fk2fs)");
    }

    @Test
    void projectPermissions() {
        assertError(call("viewer", Method.POST, "/projects", "{\"name\":\"" + unique("v") + "\"}"), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
        assertError(call("nobody", Method.POST, "/projects/_search", "{}"), 404, 5,
                "membership not found (AUTHZ-cdgFk)");
        String id = addProject("perm", "admin", null);
        assertError(call("viewer", Method.PUT, "/projects/" + id, "{\"name\":\"x\"}"), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
        assertError(call("viewer", Method.DELETE, "/projects/" + id, null), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
    }

    // --- roles -----------------------------------------------------------------------------------

    @Test
    void rolesAreAddedInBulkListedUpdatedAndRemovedIdempotently() {
        String id = addProject("roles", "admin", null);
        Reply one = call("owner", Method.POST, "/projects/" + id + "/roles",
                "{\"roleKey\":\"reader\",\"displayName\":\"Reader\",\"group\":\"api\"}");
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.json().get("details").has("creationDate")).isTrue();
        Reply bulk = call("owner", Method.POST, "/projects/" + id + "/roles/_bulk",
                "{\"roles\":[{\"key\":\"writer\",\"displayName\":\"Writer\"},{\"key\":\"a/b\",\"displayName\":\"Slash\"}]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(200);

        Reply list = call("viewer", Method.POST, "/projects/" + id + "/roles/_search",
                "{\"query\":{\"asc\":true}}");
        assertThat(list.json().get("details").get("totalResult").asText()).isEqualTo("3");
        assertThat(list.json().get("result").get(1).get("key").asText()).isEqualTo("reader");
        assertThat(list.json().get("result").get(1).get("group").asText()).isEqualTo("api");
        assertThat(list.json().get("result").get(2).has("group")).isFalse();
        Reply filtered = call("viewer", Method.POST, "/projects/" + id + "/roles/_search",
                "{\"queries\":[{\"displayNameQuery\":{\"displayName\":\"wri\",\"method\":\"TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE\"}}]}");
        assertThat(filtered.json().get("result")).hasSize(1);

        assertThat(call("owner", Method.PUT, "/projects/" + id + "/roles/a/b", "{\"displayName\":\"Slashed\"}").status())
                .isEqualTo(200);
        assertThat(call("owner", Method.PUT, "/projects/" + id + "/roles/reader",
                "{\"displayName\":\"Reader\",\"group\":\"api\"}").status()).isEqualTo(200);
        assertError(call("owner", Method.PUT, "/projects/" + id + "/roles/nope", "{\"displayName\":\"x\"}"), 404, 5,
                "Role doesn't exist (COMMAND-vv8M9)");
        assertInvalid(call("owner", Method.PUT, "/projects/" + id + "/roles/reader", "{}"),
                "invalid UpdateProjectRoleRequest.DisplayName");

        assertThat(call("owner", Method.DELETE, "/projects/" + id + "/roles/a/b", null).status()).isEqualTo(200);
        assertThat(call("owner", Method.DELETE, "/projects/" + id + "/roles/a/b", null).status()).isEqualTo(200);
        assertThat(call("admin", Method.POST, "/projects/" + id + "/roles/_search", "{}").json().get("result"))
                .hasSize(2);
    }

    @Test
    void roleErrors() {
        String id = addProject("role-errors", "admin", null);
        call("owner", Method.POST, "/projects/" + id + "/roles", "{\"roleKey\":\"reader\",\"displayName\":\"R\"}");
        assertError(call("owner", Method.POST, "/projects/" + id + "/roles", "{\"roleKey\":\"reader\",\"displayName\":\"R\"}"),
                409, 6, "Role already exists (V3-DKcYh)");
        // All or nothing: "fresh" is not stored because "reader" exists.
        assertError(call("owner", Method.POST, "/projects/" + id + "/roles/_bulk",
                "{\"roles\":[{\"key\":\"fresh\",\"displayName\":\"F\"},{\"key\":\"reader\",\"displayName\":\"R\"}]}"),
                409, 6, "Role already exists (V3-DKcYh)");
        assertThat(call("admin", Method.POST, "/projects/" + id + "/roles/_search", "{}").json().get("result"))
                .hasSize(1);
        assertInvalid(call("owner", Method.POST, "/projects/" + id + "/roles", "{\"roleKey\":\"x\"}"),
                "invalid AddProjectRoleRequest.DisplayName");
        assertInvalid(call("owner", Method.POST, "/projects/" + id + "/roles/_bulk", "{\"roles\":[]}"),
                "invalid BulkAddProjectRolesRequest.Roles");
        assertError(call("owner", Method.POST, "/projects/123/roles", "{\"roleKey\":\"x\",\"displayName\":\"X\"}"),
                400, 9, "Project not found (COMMAND-EbFMN)");
        assertThat(call("viewer", Method.POST, "/projects/123/roles/_search", "{}").json().has("result")).isFalse();
        assertError(call("viewer", Method.POST, "/projects/" + id + "/roles", "{\"roleKey\":\"x\",\"displayName\":\"X\"}"),
                403, 7, "No matching permissions found (AUTH-5mWD2)");
        assertError(call("viewer", Method.DELETE, "/projects/" + id + "/roles/reader", null), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
    }

    // --- apps and keys ---------------------------------------------------------------------------

    @Test
    void basicAppGetsItsSecretOnceAndCanRegenerateIt() {
        String project = addProject("apps", "admin", null);
        Reply added = call("owner", Method.POST, "/projects/" + project + "/apps/api", "{\"name\":\"rs\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String appId = added.json().get("appId").asText();
        String clientId = added.json().get("clientId").asText();
        String secret = added.json().get("clientSecret").asText();
        assertThat(clientId).matches("[1-9][0-9]*").isNotEqualTo(appId);
        assertThat(secret).matches("[A-Za-z0-9]{64}");
        var stored = PORTS.apiApps.findById(Long.parseLong(appId)).orElseThrow();
        assertThat(PORTS.hasher.verify(stored.secret().orElseThrow(), secret.getBytes(StandardCharsets.US_ASCII))).isTrue();

        JsonNode app = call("viewer", Method.GET, "/projects/" + project + "/apps/" + appId, null).json().get("app");
        assertThat(app.get("name").asText()).isEqualTo("rs");
        assertThat(app.get("state").asText()).isEqualTo("APP_STATE_ACTIVE");
        assertThat(app.get("apiConfig")).isEqualTo(json("{\"clientId\":\"" + clientId + "\"}"));
        assertThat(app.toString()).doesNotContain(secret);

        Reply regenerated = call("owner", Method.POST, "/projects/" + project + "/apps/" + appId
                + "/api_config/_generate_client_secret", "{}");
        assertThat(regenerated.status()).isEqualTo(200);
        String newSecret = regenerated.json().get("clientSecret").asText();
        assertThat(newSecret).matches("[A-Za-z0-9]{64}").isNotEqualTo(secret);
        var after = PORTS.apiApps.findById(Long.parseLong(appId)).orElseThrow();
        assertThat(PORTS.hasher.verify(after.secret().orElseThrow(), secret.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(regenerated.json().get("details").has("changeDate")).isTrue();

        assertError(call("owner", Method.POST, "/projects/" + project + "/apps/api", "{\"name\":\"RS\"}"), 409, 6,
                "Application already exists (V3-DKcYh)");
    }

    @Test
    void appIsRenamedReconfiguredListedDeactivatedAndRemoved() {
        String project = addProject("app-life", "admin", null);
        Reply added = call("owner", Method.POST, "/projects/" + project + "/apps/api",
                "{\"name\":\"jwt\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}");
        assertThat(added.json().has("clientSecret")).isFalse();
        String app = "/projects/" + project + "/apps/" + added.json().get("appId").asText();

        assertThat(call("owner", Method.PUT, app, "{\"name\":\"jwt2\"}").status()).isEqualTo(200);
        assertError(call("owner", Method.PUT, app, "{\"name\":\"jwt2\"}"), 400, 9, "No changes (COMMAND-2m8vx)");
        assertError(call("owner", Method.PUT, app + "/api_config",
                "{\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}"), 400, 9, "No changes (COMMAND-1m88i)");
        assertThat(call("owner", Method.PUT, app + "/api_config", "{\"authMethodType\":1}").status()).isEqualTo(400);
        assertThat(call("owner", Method.PUT, app + "/api_config", "{}").status()).isEqualTo(200);
        assertThat(call("admin", Method.GET, app, null).json().get("app").get("apiConfig").has("authMethodType")).isFalse();
        assertInvalid(call("owner", Method.PUT, app + "/api_config", "{\"authMethodType\":\"NOPE\"}"),
                "invalid UpdateAPIAppConfigRequest.AuthMethodType");

        Reply list = call("viewer", Method.POST, "/projects/" + project + "/apps/_search",
                "{\"queries\":[{\"nameQuery\":{\"name\":\"jw\",\"method\":\"TEXT_QUERY_METHOD_CONTAINS\"}}]}");
        assertThat(list.json().get("result")).hasSize(1);

        assertThat(call("owner", Method.POST, app + "/_deactivate", "{}").status()).isEqualTo(200);
        assertError(call("owner", Method.POST, app + "/_deactivate", "{}"), 400, 9,
                "Application is not active (COMMAND-dsh35)");
        assertThat(call("owner", Method.POST, app + "/_reactivate", "{}").status()).isEqualTo(200);
        assertError(call("owner", Method.POST, app + "/_reactivate", "{}"), 400, 9,
                "Application is not inactive (COMMAND-1n8cM)");

        // ORG_OWNER lacks project.app.delete with ZITADEL's default roles.
        assertError(call("owner", Method.DELETE, app, null), 403, 7, "No matching permissions found (AUTH-5mWD2)");
        assertThat(call("admin", Method.DELETE, app, null).status()).isEqualTo(200);
        assertError(call("admin", Method.DELETE, app, null), 404, 5, "Application doesn't exist (COMMAND-0po9s)");
        assertError(call("admin", Method.GET, app, null), 404, 5, "Errors.App.NotExisting (QUERY-pCP8P)");
        assertError(call("owner", Method.PUT, app, "{\"name\":\"x\"}"), 404, 5,
                "Application doesn't exist (COMMAND-28di9)");
        assertError(call("owner", Method.POST, "/projects/" + project + "/apps/123/api_config/_generate_client_secret",
                "{}"), 404, 5, "Application doesn't exist (COMMAND-2g66f)");
        assertError(call("owner", Method.POST, "/projects/123/apps/api", "{\"name\":\"x\"}"), 400, 9,
                "Project not found (COMMAND-EbFMN)");
        assertInvalid(call("owner", Method.POST, "/projects/" + project + "/apps/api", "{}"),
                "invalid AddAPIAppRequest.Name");
        assertError(call("viewer", Method.POST, "/projects/" + project + "/apps/api", "{\"name\":\"v\"}"), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
    }

    @Test
    void keyFileIsReturnedOnceAndOnlyThePublicKeyIsKept() throws Exception {
        String project = addProject("keys", "admin", null);
        Reply added = call("owner", Method.POST, "/projects/" + project + "/apps/api",
                "{\"name\":\"jwt\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT\"}");
        String appId = added.json().get("appId").asText();
        String clientId = added.json().get("clientId").asText();
        String app = "/projects/" + project + "/apps/" + appId;

        Reply key = call("owner", Method.POST, app + "/keys", "{\"type\":\"KEY_TYPE_JSON\"}");
        assertThat(key.status()).as(key.text()).isEqualTo(200);
        String keyId = key.json().get("id").asText();
        String details = key.json().get("keyDetails").asText();
        assertThat(details).matches("[A-Za-z0-9+/]+={0,2}");
        String file = new String(Base64.getDecoder().decode(details), StandardCharsets.UTF_8);
        assertThat(file).startsWith("{\"type\":\"application\",\"keyId\":\"" + keyId
                + "\",\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\n").endsWith("\",\"appId\":\"" + appId
                + "\",\"clientId\":\"" + clientId + "\"}");
        JsonNode parsed = JSON.readTree(file);
        assertThat(parsed.get("key").asText()).contains("-----END RSA PRIVATE KEY-----");
        assertThat(PORTS.appKeys.findById(Long.parseLong(keyId)).orElseThrow().publicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY-----");

        JsonNode view = call("viewer", Method.GET, app + "/keys/" + keyId, null).json().get("key");
        assertThat(view.get("type").asText()).isEqualTo("KEY_TYPE_JSON");
        assertThat(view.get("expirationDate").asText()).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(view.toString()).doesNotContain("PRIVATE");
        Reply list = call("viewer", Method.POST, app + "/keys/_search", "{}");
        assertThat(list.json().get("result")).hasSize(1);

        assertThat(call("owner", Method.DELETE, app + "/keys/" + keyId, null).status()).isEqualTo(200);
        assertError(call("owner", Method.DELETE, app + "/keys/" + keyId, null), 404, 5,
                "Application key not found (COMMAND-4m77G)");
        assertError(call("viewer", Method.GET, app + "/keys/" + keyId, null), 404, 5,
                "Errors.AuthNKey.NotFound (QUERY-Tha6f)");
    }

    @Test
    void keyErrors() {
        String project = addProject("key-errors", "admin", null);
        String basic = call("owner", Method.POST, "/projects/" + project + "/apps/api", "{\"name\":\"basic\"}")
                .json().get("appId").asText();
        String jwt = call("owner", Method.POST, "/projects/" + project + "/apps/api",
                "{\"name\":\"jwt\",\"authMethodType\":1}").json().get("appId").asText();
        String keys = "/projects/" + project + "/apps/";
        assertError(call("owner", Method.POST, keys + basic + "/keys", "{\"type\":\"KEY_TYPE_JSON\"}"), 400, 9,
                "Chosen Auth Method does not require a key (COMMAND-Dff54)");
        assertInvalid(call("owner", Method.POST, keys + jwt + "/keys", "{}"), "invalid AddAppKeyRequest.Type");
        assertError(call("owner", Method.POST, keys + jwt + "/keys",
                "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"2001-01-01T00:00:00Z\"}"), 400, 3,
                "Errors.AuthNKey.ExpireBeforeNow (DOMAIN-dv3t5)");
        assertError(call("owner", Method.POST, keys + "123/keys", "{\"type\":\"KEY_TYPE_JSON\"}"), 400, 9,
                "Application not found (COMMAND-sak25)");
        assertError(call("viewer", Method.POST, keys + jwt + "/keys", "{\"type\":\"KEY_TYPE_JSON\"}"), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
        assertThat(PORTS.appKeys.all()).noneMatch(k -> k.appId() == Long.parseLong(jwt));
    }

    // --- user grants -----------------------------------------------------------------------------

    @Test
    void grantIsAddedReadSearchedUpdatedDeactivatedAndRemoved() {
        String project = addProject("grants", "admin", null);
        call("owner", Method.POST, "/projects/" + project + "/roles/_bulk",
                "{\"roles\":[{\"key\":\"reader\",\"displayName\":\"R\"},{\"key\":\"writer\",\"displayName\":\"W\"}]}");
        Reply added = call("owner", Method.POST, "/users/" + ROBOT.id() + "/grants",
                "{\"projectId\":\"" + project + "\",\"roleKeys\":[\"reader\",\"writer\"]}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String grantId = added.json().get("userGrantId").asText();
        String grant = "/users/" + ROBOT.id() + "/grants/" + grantId;

        JsonNode view = call("viewer", Method.GET, grant, null).json().get("userGrant");
        assertThat(view.get("roleKeys")).isEqualTo(json("[\"reader\",\"writer\"]"));
        assertThat(view.get("state").asText()).isEqualTo("USER_GRANT_STATE_ACTIVE");
        assertThat(view.get("userName").asText()).isEqualTo("robot");
        assertThat(view.get("orgName").asText()).isEqualTo("acme");
        assertThat(view.get("orgDomain").asText()).isEqualTo(ORG.primaryDomain());
        assertThat(view.get("projectId").asText()).isEqualTo(project);
        assertThat(view.get("userType").asText()).isEqualTo("TYPE_MACHINE");

        Reply search = call("viewer", Method.POST, "/users/grants/_search", "{\"queries\":[{\"projectIdQuery\":"
                + "{\"projectId\":\"" + project + "\"}},{\"roleKeyQuery\":{\"roleKey\":\"writ\",\"method\":"
                + "\"TEXT_QUERY_METHOD_STARTS_WITH\"}}]}");
        assertThat(search.json().get("result")).hasSize(1);
        assertThat(call("viewer", Method.POST, "/users/grants/_search",
                "{\"queries\":[{\"emailQuery\":{\"email\":\"x\"}}]}").json().has("result")).isFalse();

        assertError(call("owner", Method.PUT, grant, "{\"roleKeys\":[\"reader\",\"writer\"]}"), 400, 9,
                "User grant has not been changed (COMMAND-Rs8fy)");
        assertThat(call("owner", Method.PUT, grant, "{\"roleKeys\":[\"writer\"]}").status()).isEqualTo(200);
        assertError(call("owner", Method.PUT, grant, "{\"roleKeys\":[\"nope\"]}"), 400, 9,
                "Errors.Project.Role.NotFound (COMMAND-mm9F4)");

        assertThat(call("owner", Method.POST, grant + "/_deactivate", "{}").status()).isEqualTo(200);
        assertThat(call("owner", Method.POST, grant + "/_deactivate", "{}").status()).isEqualTo(200);
        assertThat(call("admin", Method.GET, grant, null).json().get("userGrant").get("state").asText())
                .isEqualTo("USER_GRANT_STATE_INACTIVE");
        assertThat(call("owner", Method.POST, grant + "/_reactivate", "{}").status()).isEqualTo(200);

        // Removing a role takes its key out of the grant.
        call("owner", Method.DELETE, "/projects/" + project + "/roles/writer", null);
        assertThat(call("admin", Method.GET, grant, null).json().get("userGrant").has("roleKeys")).isFalse();

        assertThat(call("owner", Method.DELETE, grant, null).status()).isEqualTo(200);
        assertError(call("owner", Method.DELETE, grant, null), 404, 5, "User grant not found (COMMAND-1My0t)");
        assertError(call("admin", Method.GET, grant, null), 404, 5, "User grant not found (QUERY-wIPkA)");
    }

    @Test
    void grantErrorsAndBulkRemoval() {
        String project = addProject("grant-errors", "admin", null);
        call("owner", Method.POST, "/projects/" + project + "/roles", "{\"roleKey\":\"reader\",\"displayName\":\"R\"}");
        String grants = "/users/" + ROBOT.id() + "/grants";
        assertError(call("owner", Method.POST, grants, "{\"projectId\":\"" + project + "\",\"roleKeys\":[\"nope\"]}"),
                400, 9, "Errors.Project.Role.NotFound (COMMAND-mm9F4)");
        assertError(call("owner", Method.POST, "/users/123/grants", "{\"projectId\":\"" + project + "\"}"), 400, 9,
                "User could not be found (COMMAND-4f8sg)");
        assertError(call("owner", Method.POST, grants, "{\"projectId\":\"123\"}"), 400, 9,
                "Project not found (COMMAND-3n77S)");
        String foreign = addProject("foreign", "admin", OTHER_ORG.id());
        assertError(call("owner", Method.POST, grants, "{\"projectId\":\"" + foreign + "\"}"), 400, 9,
                "Grant not found (COMMAND-4m9ff)");
        assertError(call("owner", Method.POST, grants, "{\"projectId\":\"" + project + "\",\"projectGrantId\":\"5\"}"),
                400, 9, "Grant not found (COMMAND-4m9ff)");
        String first = call("owner", Method.POST, grants, "{\"projectId\":\"" + project + "\"}").json()
                .get("userGrantId").asText();
        assertError(call("owner", Method.POST, grants, "{\"projectId\":\"" + project + "\"}"), 409, 6,
                "User grant already exists (V3-DKcYh)");
        assertError(call("viewer", Method.POST, "/users/" + OWNER.id() + "/grants", "{\"projectId\":\"" + project + "\"}"),
                403, 7, "No matching permissions found (AUTH-5mWD2)");
        String second = call("owner", Method.POST, "/users/" + OWNER.id() + "/grants",
                "{\"projectId\":\"" + project + "\"}").json().get("userGrantId").asText();

        assertError(call("owner", Method.DELETE, "/user_grants/_bulk", "{\"grantId\":[\"" + first + "\",\"123\"]}"),
                404, 5, "User grant not found (COMMAND-1My0t)");
        assertThat(PORTS.userGrants.findById(Long.parseLong(first))).isPresent();
        assertInvalid(call("owner", Method.DELETE, "/user_grants/_bulk", "{}"), "invalid BulkRemoveUserGrantRequest");
        Reply bulk = call("owner", Method.DELETE, "/user_grants/_bulk", "{\"grantId\":[\"" + first + "\",\"" + second
                + "\"]}");
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.text()).isEqualTo("{}");
        assertThat(PORTS.userGrants.findById(Long.parseLong(first))).isEmpty();
        assertError(call("viewer", Method.DELETE, "/user_grants/_bulk", "{\"grantId\":[\"1\"]}"), 403, 7,
                "No matching permissions found (AUTH-5mWD2)");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Reply(int status, String text, JsonNode json) {
    }

    private String addProject(String prefix, String caller, Long orgId) {
        String path = "/projects";
        Reply reply = call(caller, Method.POST, path, "{\"name\":\"" + unique(prefix) + "\"}",
                orgId == null ? null : Long.toString(orgId));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asText();
    }

    private Reply call(String caller, Method method, String path, String body) {
        return call(caller, method, path, body, null);
    }

    private Reply call(String caller, Method method, String path, String body, String orgId) {
        Http1ClientRequest request = client.method(method).path("/management/v1" + path)
                .header(HeaderNames.create("x-test-caller"), caller);
        if (orgId != null) {
            request.header(HeaderNames.create("x-zitadel-orgid"), orgId);
        }
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.as(String.class);
            assertThat(text).doesNotContain("Exception").doesNotContain("dev.warden");
            return new Reply(response.status().code(), text, text.isEmpty() ? null : JSON.readTree(text));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertError(Reply reply, int status, int code, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.json().get("code").asInt()).as(reply.text()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isEqualTo(message);
    }

    private static void assertInvalid(Reply reply, String messageStart) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(3);
        assertThat(reply.json().get("message").asText()).startsWith(messageStart);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
