package dev.warden.http;

import dev.warden.http.member.MemberUseCases;
import dev.warden.http.user.UserUseCases;
import dev.warden.http.key.MachineKeyUseCases;
import dev.warden.http.oauth.OAuthUseCases;
import dev.warden.http.signing.SigningKeyUseCases;
import dev.warden.http.secret.MachineSecretUseCases;
import dev.warden.http.org.OrgUseCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.service.AuthenticateService;
import dev.warden.application.service.GetMyOrgService;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, authentication and error mapping of the management API against in-memory ports. */
@RoutingTest
class ManagementRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakePorts PORTS = new FakePorts();
    private static final Organization ORG = PORTS.organization("ZITADEL");
    private static final Organization OTHER_ORG = PORTS.organization("Customer A");
    private static final Instance INSTANCE = PORTS.instance(ORG);

    private final DirectClient client;

    ManagementRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AuthenticateService authenticate = new AuthenticateService(
                List.of(new PatVerifierProvider().create(PORTS.verifierContext())));
        GetMyOrgService getMyOrg = new GetMyOrgService(
                new AccessControl(PORTS.organizations, PORTS.memberships, PORTS.instances));
        WardenRouting.routing(routing, new HttpAdapter(authenticate,
                new OrgUseCases(getMyOrg, c -> fail(), c -> fail(), c -> fail(), c -> fail(), q -> fail(), q -> fail()),
                new UserUseCases(c -> fail(), q -> fail(), c -> fail(), c -> fail(), q -> fail(), c -> fail(),
                        c -> fail(), c -> fail(), q -> fail(), q -> fail(), c -> fail()),
                new MemberUseCases(q -> fail(), q -> fail(), c -> fail(), c -> fail(), c -> fail()),
                new MachineSecretUseCases(c -> fail(), c -> fail()),
                new MachineKeyUseCases(c -> fail(), q -> fail(), q -> fail(), c -> fail()),
                new OAuthUseCases(c -> fail(), c -> fail(), c -> { throw new AssertionError("revoke"); }, c -> fail(),
                        q -> fail()),
                new SigningKeyUseCases(() -> fail(), () -> fail(), c -> fail(), q -> fail()),
                dev.warden.http.project.UnusedProjectUseCases.create(() -> fail()),
                NoAuditEvents.SEARCH));
    }

    /** The routes under test here use only GetMyOrg; any other use case being called is a routing bug. */
    private static <T> T fail() {
        throw new AssertionError("unexpected use case call");
    }

    @BeforeEach
    void resetHasher() {
        PORTS.hasher.setUnavailable(false);
    }

    private ServiceUser owner(String name) {
        ServiceUser user = PORTS.serviceUser(ORG, name);
        PORTS.grant(user, MemberScope.ORG, ORG.id(), Role.ORG_OWNER);
        return user;
    }

    private Http1ClientResponse get(String path, String authorization) {
        var request = client.method(Method.GET).path(path);
        if (authorization != null) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        return request.request();
    }

    private static JsonNode body(Http1ClientResponse response) throws Exception {
        String text = response.as(String.class);
        assertThat(text).doesNotContain("Exception").doesNotContain("dev.warden").doesNotContain("\tat ");
        return JSON.readTree(text);
    }

    @Test
    void orgsMeWithAValidPatAnswersTheOrganizationAsZitadelDoes() throws Exception {
        String token = PORTS.issuePersonalAccessToken(owner("robot-ok"), null).token();

        Http1ClientResponse response = get("/management/v1/orgs/me", "Bearer " + token);

        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(response.headers().contentType().orElseThrow().text()).startsWith("application/json");
        JsonNode org = body(response).get("org");
        assertThat(org.get("id").asText()).isEqualTo(Long.toString(ORG.id()));
        assertThat(org.get("state").asText()).isEqualTo("ORG_STATE_ACTIVE");
        assertThat(org.get("name").asText()).isEqualTo("ZITADEL");
        assertThat(org.get("primaryDomain").asText()).isEqualTo("zitadel.localhost");
        JsonNode details = org.get("details");
        assertThat(details.get("sequence").isTextual()).as("int64 as string").isTrue();
        assertThat(details.get("sequence").asText()).isEqualTo("1");
        assertThat(details.get("creationDate").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(details.get("changeDate").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(details.get("resourceOwner").asText()).isEqualTo(Long.toString(ORG.id()));
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        String token = PORTS.issuePersonalAccessToken(owner("robot-case"), null).token();

        assertThat(get("/management/v1/orgs/me", "bearer " + token).status()).isEqualTo(Status.OK_200);
        assertThat(get("/management/v1/orgs/me", "BEARER " + token).status()).isEqualTo(Status.OK_200);
    }

    @Test
    void missingAuthorizationHeaderIs401AuthHeaderMissing() throws Exception {
        Http1ClientResponse response = get("/management/v1/orgs/me", null);

        assertThat(response.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(response.headers().first(HeaderNames.WWW_AUTHENTICATE)).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        JsonNode body = body(response);
        assertThat(body.get("code").asInt()).isEqualTo(16);
        assertThat(body.get("message").asText()).isEqualTo("auth header missing");
        assertThat(body.has("details")).isFalse();
    }

    @Test
    void malformedHeadersAre401InvalidAuthHeader() throws Exception {
        String token = PORTS.issuePersonalAccessToken(owner("robot-malformed"), null).token();
        for (String header : List.of("Basic " + token, "Bearer  " + token, "Bearer", "Bearer ", token,
                "Bearer " + token + ",x", "Bearer\t" + token, "Bearer " + "a".repeat(9000))) {
            Http1ClientResponse response = get("/management/v1/orgs/me", header);
            assertThat(response.status()).as(header).isEqualTo(Status.UNAUTHORIZED_401);
            assertThat(response.headers().contains(HeaderNames.WWW_AUTHENTICATE)).isTrue();
            JsonNode body = body(response);
            assertThat(body.get("code").asInt()).isEqualTo(16);
            assertThat(body.get("message").asText()).isEqualTo("invalid auth header (AUTH-toLo1)");
        }
    }

    @Test
    void wrongTruncatedChecksumBrokenUnknownAndExpiredTokensAre401TokenInvalid() throws Exception {
        ServiceUser user = owner("robot-bad");
        String token = PORTS.issuePersonalAccessToken(user, null).token();
        String expiring = PORTS.issuePersonalAccessToken(user, PORTS.clock.instant().plusSeconds(60)).token();
        FakePorts.IssuedToken deleted = PORTS.issuePersonalAccessToken(user, null);
        PORTS.tokens.remove(deleted.stored().id());
        String unknown = deleted.token();
        char last = token.charAt(token.length() - 1);
        String checksumBroken = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        PORTS.clock.advance(Duration.ofSeconds(61));
        try {
            for (String bad : List.of(token.substring(0, token.length() - 5), checksumBroken, unknown, expiring,
                    "wdn_pat_garbage", "not-a-warden-token")) {
                Http1ClientResponse response = get("/management/v1/orgs/me", "Bearer " + bad);
                assertThat(response.status()).as(bad).isEqualTo(Status.UNAUTHORIZED_401);
                assertThat(response.headers().first(HeaderNames.WWW_AUTHENTICATE)).hasValueSatisfying(
                        v -> assertThat(v).contains("invalid_token"));
                JsonNode body = body(response);
                assertThat(body.get("code").asInt()).isEqualTo(16);
                assertThat(body.get("message").asText()).isEqualTo("Errors.Token.Invalid (AUTH-7fs1e)");
                JsonNode detail = body.get("details").get(0);
                assertThat(detail.get("@type").asText()).isEqualTo("type.googleapis.com/zitadel.v1.ErrorDetail");
                assertThat(detail.get("id").asText()).isEqualTo("AUTH-7fs1e");
                assertThat(detail.get("message").asText()).isEqualTo("Errors.Token.Invalid");
            }
        } finally {
            PORTS.clock.advance(Duration.ofSeconds(-61));
        }
    }

    @Test
    void deactivatedUsersTokenIsRefused() {
        ServiceUser user = owner("robot-inactive");
        String token = PORTS.issuePersonalAccessToken(user, null).token();
        PORTS.users.save(new ServiceUser(user.id(), user.orgId(), user.userName(), user.displayName(), "",
                user.accessTokenType(), UserState.INACTIVE, 2, user.createdAt(), user.changedAt()));

        assertThat(get("/management/v1/orgs/me", "Bearer " + token).status()).isEqualTo(Status.UNAUTHORIZED_401);
    }

    @Test
    void userWithoutMembershipGets404MembershipNotFound() throws Exception {
        String token = PORTS.issuePersonalAccessToken(PORTS.serviceUser(ORG, "robot-nomember"), null).token();

        Http1ClientResponse response = get("/management/v1/orgs/me", "Bearer " + token);

        assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
        JsonNode body = body(response);
        assertThat(body.get("code").asInt()).isEqualTo(5);
        assertThat(body.get("message").asText()).isEqualTo("membership not found (AUTHZ-cdgFk)");
        assertThat(body.get("details").get(0).get("id").asText()).isEqualTo("AUTHZ-cdgFk");
    }

    @Test
    void membershipWithoutPermissionGets403() throws Exception {
        ServiceUser user = PORTS.serviceUser(ORG, "robot-creator");
        PORTS.grant(user, MemberScope.ORG, ORG.id(), Role.ORG_PROJECT_CREATOR);
        String token = PORTS.issuePersonalAccessToken(user, null).token();

        Http1ClientResponse response = get("/management/v1/orgs/me", "Bearer " + token);

        assertThat(response.status()).isEqualTo(Status.FORBIDDEN_403);
        JsonNode body = body(response);
        assertThat(body.get("code").asInt()).isEqualTo(7);
        assertThat(body.get("message").asText()).isEqualTo("No matching permissions found (AUTH-5mWD2)");
    }

    @Test
    void orgIdHeaderSelectsTheCurrentOrganization() throws Exception {
        ServiceUser admin = PORTS.serviceUser(ORG, "robot-iam");
        PORTS.grant(admin, MemberScope.IAM, INSTANCE.id(), Role.IAM_OWNER);
        String token = PORTS.issuePersonalAccessToken(admin, null).token();

        Http1ClientResponse response = client.method(Method.GET).path("/management/v1/orgs/me")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                .header(HeaderNames.create("x-zitadel-orgid"), Long.toString(OTHER_ORG.id()))
                .request();

        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(body(response).get("org").get("name").asText()).isEqualTo("Customer A");
    }

    @Test
    void unknownOrRemovedOrgIdIs403OrganisationDoesNotExist() throws Exception {
        String token = PORTS.issuePersonalAccessToken(owner("robot-orgid"), null).token();
        Organization removed = PORTS.organizations.save(new Organization(PORTS.ids.nextId(), "Gone", "gone.localhost",
                OrgState.REMOVED, 2, PORTS.clock.instant(), PORTS.clock.instant()));
        for (String orgId : List.of("123", "abc", "-1", Long.toString(removed.id()), "' OR 1=1 --")) {
            ClientRequest<?> request = client.method(Method.GET).path("/management/v1/orgs/me")
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                    .header(HeaderNames.create("x-zitadel-orgid"), orgId);
            Http1ClientResponse response = (Http1ClientResponse) request.request();
            assertThat(response.status()).as(orgId).isEqualTo(Status.FORBIDDEN_403);
            assertThat(body(response).get("message").asText()).isEqualTo("Organisation doesn't exist (AUTH-Bs7Ds)");
        }
    }

    @Test
    void hashingOverloadIs503WithRetryAfter() throws Exception {
        ServiceUser user = owner("robot-busy");
        String token = PORTS.issuePersonalAccessToken(user, null).token();
        PORTS.hasher.setUnavailable(true);

        Http1ClientResponse response = get("/management/v1/orgs/me", "Bearer " + token);

        assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        assertThat(response.headers().first(HeaderNames.RETRY_AFTER)).isPresent();
        assertThat(body(response).get("code").asInt()).isEqualTo(14);
    }

    @Test
    void healthzNeedsNoAuthentication() throws Exception {
        Http1ClientResponse response = get("/management/v1/healthz", null);

        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(response.as(String.class)).isEqualTo("{}");
    }

    @Test
    void unknownManagementRouteIsUnauthenticatedFirstThen404Json() throws Exception {
        assertThat(get("/management/v1/nothing/here", null).status()).isEqualTo(Status.UNAUTHORIZED_401);

        String token = PORTS.issuePersonalAccessToken(owner("robot-404"), null).token();
        Http1ClientResponse response = get("/management/v1/nothing/here", "Bearer " + token);

        assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(body(response).get("code").asInt()).isEqualTo(5);
    }
}
