package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.GetUserInfoQuery;
import dev.warden.application.port.in.UserInfoResult;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Userinfo through the real authentication pipeline: the real PAT verifier plus a test-only
 * bearer method for tokens with OAuth details (scopes, audience), as introspection's test does.
 */
class GetUserInfoServiceTest {

    private static final long PROJECT_ID = 291799912345678901L;
    private static final long OTHER_PROJECT_ID = 291799912345678902L;
    private static final String PROJECT = Long.toString(PROJECT_ID);
    private static final String OTHER_PROJECT = Long.toString(OTHER_PROJECT_ID);
    private static final String ROLE = "urn:zitadel:iam:org:project:role:";
    private static final String PROJECTS_ROLES = "urn:zitadel:iam:org:projects:roles";

    private final FakePorts fakes = new FakePorts();
    private final Map<Long, List<RoleGrant>> grantsByProject = new ConcurrentHashMap<>();
    private final List<Long> askedProjects = new ArrayList<>();
    private final Map<String, Principal> oauthTokens = new ConcurrentHashMap<>();
    private Organization org;
    private Organization otherOrg;
    private ServiceUser user;
    private GetUserInfoService service;

    /** A bearer method for tokens with OAuth details: a known value verifies, anything else abstains. */
    private final CredentialVerifier oauthTokenMethod = new CredentialVerifier() {
        @Override
        public String scheme() {
            return CredentialSchemes.BEARER;
        }

        @Override
        public Verification verify(PresentedCredential credential) {
            if (!credential.scheme().equals(CredentialSchemes.BEARER)) {
                return Verification.ABSTAINED;
            }
            if (credential.value().equals("at-rejected")) {
                return new Verification.Rejected("revoked in the test");
            }
            Principal principal = oauthTokens.get(credential.value());
            return principal == null ? Verification.ABSTAINED : new Verification.Verified(principal, "test-oauth");
        }
    };

    @BeforeEach
    void setUp() {
        org = fakes.organization("ZITADEL");
        otherOrg = fakes.organization("Customer A");
        user = fakes.serviceUser(org, "robot");
        AuthenticateService authenticate = new AuthenticateService(List.of(
                new PatVerifierProvider().create(fakes.verifierContext()), oauthTokenMethod));
        service = new GetUserInfoService(authenticate, fakes.users, fakes.organizations, (userId, projectId) -> {
            askedProjects.add(projectId);
            return userId == user.id() ? grantsByProject.getOrDefault(projectId, List.of()) : List.of();
        });
    }

    @Test
    void theClientAddressTravelsWithTheTokenToTheFailedAuthenticationLimiter() {
        List<PresentedCredential> presented = new ArrayList<>();
        GetUserInfoService capturing = new GetUserInfoService(credential -> {
            presented.add(credential);
            return Verification.ABSTAINED;
        }, fakes.users, fakes.organizations, (userId, projectId) -> List.of());

        capturing.getUserInfo(new GetUserInfoQuery("wdn_pat_x", "192.0.2.7"));

        assertThat(presented).containsExactly(new PresentedCredential(CredentialSchemes.BEARER, "wdn_pat_x")
                .from("192.0.2.7"));
    }

    private UserInfoResult userInfo(String token) {
        return service.getUserInfo(new GetUserInfoQuery(token));
    }

    private UserInfoResult.ClaimsResult claims(String token) {
        UserInfoResult result = userInfo(token);
        assertThat(result.claims()).as(result.reasonForLogs()).isPresent();
        return result.claims().get();
    }

    private String oauthToken(String value, List<String> scopes, String... audience) {
        oauthTokens.put(value, new Principal(user.id(), org.id(), "at-" + value, "test-oauth",
                fakes.clock.instant().plus(Duration.ofHours(12)), new TokenDetails(
                fakes.clock.instant().minusSeconds(30), "robot", scopes, List.of(audience), false)));
        return value;
    }

    private void grant(long projectId, String roleKey, Organization grantingOrg) {
        grantsByProject.computeIfAbsent(projectId, p -> new ArrayList<>())
                .add(new RoleGrant(roleKey, grantingOrg.id(), grantingOrg.primaryDomain()));
    }

    // --- PATs ---------------------------------------------------------------------------------

    @Test
    void aPatGetsTheSubjectProfileAndResourceOwnerClaimsOfItsFixedScopes() {
        ServiceUser renamed = fakes.users.save(new ServiceUser(user.id(), user.orgId(), "robot", "My Machine Account",
                "", user.accessTokenType(), UserState.ACTIVE, 2, user.createdAt(), Instant.parse("2025-08-28T09:14:42Z")));
        String pat = fakes.issuePersonalAccessToken(user, null).token();

        UserInfoResult.ClaimsResult claims = claims(pat);

        assertThat(claims.subject()).isEqualTo(Long.toString(user.id()));
        assertThat(claims.profile()).contains(new UserInfoResult.ProfileResult("robot", "My Machine Account",
                renamed.changedAt()));
        assertThat(claims.resourceOwner()).contains(new UserInfoResult.ResourceOwnerResult(org.id(), "ZITADEL",
                org.primaryDomain()));
    }

    @Test
    void aPatAsksForNoRolesEvenWhenTheUserHoldsSome() {
        grant(PROJECT_ID, "reader", org);

        assertThat(claims(fakes.issuePersonalAccessToken(user, null).token()).projectRoles()).isEmpty();
        assertThat(askedProjects).isEmpty();
    }

    @Test
    void garbageAndUnknownTokensAreInvalid() {
        assertThat(userInfo("not-a-token")).isEqualTo(UserInfoResult.invalidToken("not a token of Warden"));
        assertThat(userInfo("wdn_pat_garbage").isValid()).isFalse();
        assertThat(userInfo("")).isEqualTo(UserInfoResult.invalidToken("no token"));
    }

    @Test
    void aRejectedTokenIsInvalidWithTheVerifiersReason() {
        assertThat(userInfo("at-rejected")).isEqualTo(UserInfoResult.invalidToken("revoked in the test"));
    }

    @Test
    void aPatWithAMutatedCharacterIsInvalid() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        char last = pat.charAt(pat.length() - 1);

        assertThat(userInfo(pat.substring(0, pat.length() - 1) + (last == 'a' ? 'b' : 'a')).isValid()).isFalse();
    }

    @Test
    void anExpiredPatIsInvalid() {
        String pat = fakes.issuePersonalAccessToken(user, fakes.clock.instant().plus(Duration.ofHours(1))).token();
        assertThat(userInfo(pat).isValid()).isTrue();
        fakes.clock.advance(Duration.ofHours(1));

        assertThat(userInfo(pat).isValid()).isFalse();
    }

    @Test
    void aRemovedPatIsInvalid() {
        FakePorts.IssuedToken issued = fakes.issuePersonalAccessToken(user, null);
        fakes.tokens.remove(issued.stored().id());

        assertThat(userInfo(issued.token()).isValid()).isFalse();
    }

    @Test
    void aPatOfADeactivatedUserIsInvalid() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        fakes.users.save(user.withState(UserState.INACTIVE, fakes.clock.instant()));

        assertThat(userInfo(pat).isValid()).isFalse();
    }

    // --- tokens with OAuth details ------------------------------------------------------------

    @Test
    void anyAudienceIsFineAndOnlyTheSubjectComesWithoutClaimScopes() {
        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-plain", List.of("openid"), "someone@else", "42"));

        assertThat(claims).isEqualTo(new UserInfoResult.ClaimsResult(Long.toString(user.id()),
                java.util.Optional.empty(), java.util.Optional.empty(), List.of()));
    }

    @Test
    void theProfileScopeAloneAddsTheProfileClaims() {
        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-profile", List.of("openid", "profile"), PROJECT));

        assertThat(claims.profile()).contains(new UserInfoResult.ProfileResult("robot", "robot", user.changedAt()));
        assertThat(claims.resourceOwner()).isEmpty();
    }

    @Test
    void theResourceOwnerScopeAloneAddsTheOrganizationClaims() {
        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-owner",
                List.of("urn:zitadel:iam:user:resourceowner"), PROJECT));

        assertThat(claims.resourceOwner()).contains(new UserInfoResult.ResourceOwnerResult(org.id(), "ZITADEL",
                org.primaryDomain()));
        assertThat(claims.profile()).isEmpty();
    }

    @Test
    void theProjectsRolesScopeGivesTheRolesOfEveryAudienceProjectThatHasAny() {
        grant(PROJECT_ID, "reader", org);
        grant(PROJECT_ID, "reader", otherOrg);
        grant(PROJECT_ID, "writer", org);
        grant(OTHER_PROJECT_ID, "admin", otherOrg);
        grant(7L, "not-in-audience", org);

        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-roles", List.of("openid", PROJECTS_ROLES),
                PROJECT, "robot", OTHER_PROJECT, "291799912345678903", PROJECT));

        assertThat(claims.projectRoles()).containsExactly(
                new UserInfoResult.ProjectRolesResult(PROJECT_ID, Map.of(
                        "reader", Map.of(Long.toString(org.id()), org.primaryDomain(),
                                Long.toString(otherOrg.id()), otherOrg.primaryDomain()),
                        "writer", Map.of(Long.toString(org.id()), org.primaryDomain()))),
                new UserInfoResult.ProjectRolesResult(OTHER_PROJECT_ID, Map.of(
                        "admin", Map.of(Long.toString(otherOrg.id()), otherOrg.primaryDomain()))));
        assertThat(askedProjects).containsExactly(PROJECT_ID, OTHER_PROJECT_ID, 291799912345678903L);
    }

    @Test
    void aRoleKeyScopeAsksForRolesAndNarrowsThem() {
        grant(PROJECT_ID, "reader", org);
        grant(PROJECT_ID, "writer", org);

        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-key", List.of(ROLE + "writer"), PROJECT));

        assertThat(claims.projectRoles()).containsExactly(new UserInfoResult.ProjectRolesResult(PROJECT_ID,
                Map.of("writer", Map.of(Long.toString(org.id()), org.primaryDomain()))));
    }

    @Test
    void orgScopesNarrowTheGrantingOrgs() {
        grant(PROJECT_ID, "reader", org);
        grant(PROJECT_ID, "reader", otherOrg);

        UserInfoResult.ClaimsResult claims = claims(oauthToken("at-org", List.of(PROJECTS_ROLES,
                "urn:zitadel:iam:org:roles:id:" + otherOrg.id()), PROJECT));

        assertThat(claims.projectRoles()).containsExactly(new UserInfoResult.ProjectRolesResult(PROJECT_ID,
                Map.of("reader", Map.of(Long.toString(otherOrg.id()), otherOrg.primaryDomain()))));
    }

    @Test
    void withoutARoleScopeNoRolesAreLookedUp() {
        grant(PROJECT_ID, "reader", org);

        assertThat(claims(oauthToken("at-noroles", List.of("openid", "profile"), PROJECT)).projectRoles()).isEmpty();
        assertThat(askedProjects).isEmpty();
    }

    @Test
    void aTokenWhoseUserIsGoneIsInvalid() {
        oauthTokens.put("at-ghost", new Principal(999_999L, org.id(), "ghost", "test-oauth",
                fakes.clock.instant().plusSeconds(60), TokenDetails.NONE));

        assertThat(userInfo("at-ghost")).isEqualTo(
                UserInfoResult.invalidToken("user or organization of the token is gone or inactive"));
    }

    @Test
    void aStillVerifiedTokenOfAUserOrOrgDeactivatedMeanwhileIsInvalid() {
        // The test method keeps verifying (as a credential cache not yet told of the change would).
        String token = oauthToken("at-stale", List.of("openid"), PROJECT);
        assertThat(userInfo(token).isValid()).isTrue();

        fakes.users.save(user.withState(UserState.LOCKED, fakes.clock.instant()));
        assertThat(userInfo(token).isValid()).isFalse();

        fakes.users.save(user);
        assertThat(userInfo(token).isValid()).isTrue();
        fakes.organizations.save(org.withState(OrgState.INACTIVE, fakes.clock.instant()));
        assertThat(userInfo(token).isValid()).isFalse();
    }

    @Test
    void theQueryNeverShowsTheToken() {
        assertThat(new GetUserInfoQuery("wdn_pat_secret").toString()).doesNotContain("wdn_pat_secret");
    }
}
