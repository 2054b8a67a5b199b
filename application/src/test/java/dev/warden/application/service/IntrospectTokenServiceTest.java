package dev.warden.application.service;

import dev.warden.application.fakes.ReadOnlyApiClientDirectory;
import dev.warden.application.apiclient.ApiClientVerifiers;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryVerifiedClientCache;
import dev.warden.application.port.in.IntrospectTokenCommand;
import dev.warden.application.port.in.IntrospectionResult;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection through the real authentication pipeline: the real PAT verifier and API client
 * secret verifier, plus a test-only bearer method for tokens with OAuth details.
 */
class IntrospectTokenServiceTest {

    private static final String ISSUER = "https://acme.warden.example";
    private static final String CLIENT_ID = "291800012345678901@acme";
    private static final String SECRET = "Sx9rT2-app-secret";
    private static final long APP_ID = 291800012345678901L;
    private static final long PROJECT_ID = 291799912345678901L;
    private static final String PROJECT = Long.toString(PROJECT_ID);
    private static final String ROLE = "urn:zitadel:iam:org:project:role:";

    private final FakePorts fakes = new FakePorts();
    private final InMemoryVerifiedClientCache clientCache = new InMemoryVerifiedClientCache();
    private final Map<String, ApiClient> apps = new ConcurrentHashMap<>();
    private final List<RoleGrant> grants = new ArrayList<>();
    private final List<Long> askedProjects = new ArrayList<>();
    private final Map<String, Principal> oauthTokens = new ConcurrentHashMap<>();
    private Organization org;
    private Organization otherOrg;
    private ServiceUser user;
    private IntrospectTokenService service;

    /** A bearer method for tokens with OAuth details: a known value verifies, anything else abstains. */
    private final CredentialVerifier oauthTokenMethod = new CredentialVerifier() {
        @Override
        public String scheme() {
            return CredentialSchemes.BEARER;
        }

        @Override
        public Verification verify(PresentedCredential credential) {
            Principal principal = oauthTokens.get(credential.value());
            return principal == null ? Verification.ABSTAINED : new Verification.Verified(principal, "test-oauth");
        }
    };

    @BeforeEach
    void setUp() {
        org = fakes.organization("ZITADEL");
        otherOrg = fakes.organization("Customer A");
        user = fakes.serviceUser(org, "robot");
        apps.put(CLIENT_ID, app(APP_ID, PROJECT_ID, CLIENT_ID, true, SECRET));
        AuthenticateService authenticate = new AuthenticateService(List.of(
                ApiClientVerifiers.secret(new ReadOnlyApiClientDirectory(clientId -> Optional.ofNullable(apps.get(clientId))),
                        fakes.hasher,
                        clientCache),
                new PatVerifierProvider().create(fakes.verifierContext()),
                oauthTokenMethod));
        service = new IntrospectTokenService(authenticate, fakes.users, fakes.organizations, (userId, projectId) -> {
            askedProjects.add(projectId);
            return userId == user.id() && projectId == PROJECT_ID ? List.copyOf(grants) : List.of();
        }, ISSUER);
        fakes.hasher.resetCounts();
    }

    private ApiClient app(long appId, long projectId, String clientId, boolean active, String secretOrNull) {
        return new ApiClient(appId, projectId, org.id(), clientId, active, Optional.ofNullable(secretOrNull)
                .map(s -> fakes.hasher.hash(s.getBytes(StandardCharsets.UTF_8))), List.of());
    }

    private IntrospectionResult introspect(String clientId, String secret, String token) {
        return service.introspect(new IntrospectTokenCommand(
                new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET, secret, clientId), token));
    }

    private IntrospectionResult introspect(String token) {
        return introspect(CLIENT_ID, SECRET, token);
    }

    private IntrospectionResult.ActiveTokenResult active(String token) {
        IntrospectionResult result = introspect(token);
        assertThat(result.activeToken()).as(result.reasonForLogs()).isPresent();
        return result.activeToken().get();
    }

    private String oauthToken(String value, TokenDetails details) {
        oauthTokens.put(value, new Principal(user.id(), org.id(), "at-" + value, "test-oauth",
                fakes.clock.instant().plus(Duration.ofHours(12)), details));
        return value;
    }

    private TokenDetails details(List<String> scopes, String... audience) {
        return new TokenDetails(fakes.clock.instant().minusSeconds(30), "robot", scopes, List.of(audience), false);
    }

    // --- the caller ---------------------------------------------------------------------------

    @Test
    void anUnknownClientIsRefusedAtTheCostOfAWrongSecret() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        fakes.hasher.resetCounts();

        assertThat(introspect("unknown@acme", SECRET, pat)).matches(IntrospectionResult::isClientRefused);
        int unknownCost = fakes.hasher.verifyCalls();
        fakes.hasher.resetCounts();
        assertThat(introspect(CLIENT_ID, "wrong", pat)).matches(IntrospectionResult::isClientRefused);

        assertThat(unknownCost).isEqualTo(1).isEqualTo(fakes.hasher.verifyCalls());
    }

    @Test
    void aWrongSecretIsRefusedBeforeTheTokenIsLookedAt() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        fakes.hasher.resetCounts();

        assertThat(introspect(CLIENT_ID, "wrong", pat)).isEqualTo(
                IntrospectionResult.clientRefused("wrong secret for API client of app " + APP_ID));
        assertThat(fakes.hasher.verifyCalls()).isEqualTo(1);
        assertThat(fakes.usage.uses()).isEmpty();
    }

    @Test
    void anAppWithoutSecretIsRefused() {
        apps.put("nosecret@acme", app(7, PROJECT_ID, "nosecret@acme", true, null));

        assertThat(introspect("nosecret@acme", SECRET, "x")).matches(IntrospectionResult::isClientRefused);
    }

    @Test
    void anInactiveAppIsRefused() {
        apps.put(CLIENT_ID, app(APP_ID, PROJECT_ID, CLIENT_ID, false, SECRET));

        assertThat(introspect(fakes.issuePersonalAccessToken(user, null).token()))
                .isEqualTo(IntrospectionResult.clientRefused("API client of app " + APP_ID + " is not active"));
    }

    @Test
    void aCredentialNoMethodAcceptsIsRefused() {
        IntrospectionResult result = service.introspect(new IntrospectTokenCommand(
                new PresentedCredential(CredentialSchemes.API_CLIENT_ASSERTION, "eyJ.x.y"), "token"));

        assertThat(result).isEqualTo(IntrospectionResult.clientRefused(
                "no authentication method accepted the client credential"));
    }

    @Test
    void aUserTokenPresentedAsTheClientIsRefused() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();

        IntrospectionResult result = service.introspect(new IntrospectTokenCommand(
                new PresentedCredential(CredentialSchemes.BEARER, pat), pat));

        assertThat(result).isEqualTo(IntrospectionResult.clientRefused("a user credential is not an API client"));
    }

    @Test
    void theSecondCallWithTheSameSecretDoesNotHashAgainButAnotherSecretDoes() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        fakes.hasher.resetCounts();
        active(pat);
        assertThat(fakes.hasher.verifyCalls()).isEqualTo(2);
        fakes.hasher.resetCounts();

        active(pat);
        assertThat(fakes.hasher.verifyCalls()).isZero();

        assertThat(introspect(CLIENT_ID, SECRET + "2", pat)).matches(IntrospectionResult::isClientRefused);
        assertThat(fakes.hasher.verifyCalls()).isEqualTo(1);
    }

    // --- PATs ---------------------------------------------------------------------------------

    @Test
    void aPatIsActiveWithTheCallerAppendedToItsAudienceAndItsRolesAsScopesAndClaims() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("writer", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("reader", otherOrg.id(), otherOrg.primaryDomain()));
        Instant created = fakes.clock.instant();
        FakePorts.IssuedToken issued = fakes.issuePersonalAccessToken(user, null);
        fakes.clock.advance(Duration.ofMinutes(5));

        IntrospectionResult.ActiveTokenResult result = active(issued.token());

        assertThat(result.subject()).isEqualTo(Long.toString(user.id()));
        assertThat(result.clientId()).isEmpty();
        assertThat(result.audience()).containsExactly(CLIENT_ID, PROJECT);
        assertThat(result.scopes()).containsExactly("openid", "profile", "urn:zitadel:iam:user:metadata",
                "urn:zitadel:iam:user:resourceowner", ROLE + "reader", ROLE + "writer");
        assertThat(result.issuedAt()).isEqualTo(created);
        assertThat(result.expiresAt()).isEqualTo(PersonalAccessToken.NO_EXPIRATION);
        assertThat(result.issuer()).isEqualTo(ISSUER);
        assertThat(result.tokenId()).isEqualTo(Long.toString(issued.stored().id()));
        assertThat(result.projectId()).isEqualTo(PROJECT_ID);
        assertThat(result.roles()).isEqualTo(Map.of(
                "reader", Map.of(Long.toString(org.id()), org.primaryDomain(),
                        Long.toString(otherOrg.id()), otherOrg.primaryDomain()),
                "writer", Map.of(Long.toString(org.id()), org.primaryDomain())));
        assertThat(askedProjects).containsOnly(PROJECT_ID);
    }

    @Test
    void aPatCarriesItsFixedProfileAndResourceOwnerClaims() {
        IntrospectionResult.ActiveTokenResult result = active(fakes.issuePersonalAccessToken(user, null).token());

        assertThat(result.profile()).contains(new IntrospectionResult.ProfileResult("robot", "robot", user.changedAt()));
        assertThat(result.resourceOwner()).contains(new IntrospectionResult.ResourceOwnerResult(org.id(), "ZITADEL",
                org.primaryDomain()));
    }

    @Test
    void aPatIsActiveForAnyAppWithThatAppsIdsInItsAudience() {
        apps.put("other-app@customer", new ApiClient(42, 4242, otherOrg.id(), "other-app@customer", true,
                Optional.of(fakes.hasher.hash("s2".getBytes(StandardCharsets.UTF_8))), List.of()));
        String pat = fakes.issuePersonalAccessToken(user, null).token();

        IntrospectionResult result = introspect("other-app@customer", "s2", pat);

        assertThat(result.activeToken()).hasValueSatisfying(a -> {
            assertThat(a.audience()).containsExactly("other-app@customer", "4242");
            assertThat(a.projectId()).isEqualTo(4242);
            assertThat(a.roles()).isEmpty();
            assertThat(a.scopes()).noneMatch(s -> s.startsWith(ROLE));
        });
    }

    @Test
    void aPatWithExpirationReportsIt() {
        Instant expires = fakes.clock.instant().plus(Duration.ofDays(30));

        assertThat(active(fakes.issuePersonalAccessToken(user, expires).token()).expiresAt()).isEqualTo(expires);
    }

    @Test
    void garbageIsInactive() {
        assertThat(introspect("not-a-token")).matches(IntrospectionResult::isInactive);
        assertThat(introspect("wdn_pat_garbage")).matches(IntrospectionResult::isInactive);
        assertThat(introspect("")).isEqualTo(IntrospectionResult.inactive("no token"));
    }

    @Test
    void aPatWithAMutatedCharacterIsInactive() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        char last = pat.charAt(pat.length() - 1);
        String mutated = pat.substring(0, pat.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertThat(introspect(mutated)).matches(IntrospectionResult::isInactive);
    }

    @Test
    void anExpiredPatIsInactive() {
        String pat = fakes.issuePersonalAccessToken(user, fakes.clock.instant().plus(Duration.ofHours(1))).token();
        active(pat);
        fakes.clock.advance(Duration.ofHours(1));

        assertThat(introspect(pat)).matches(IntrospectionResult::isInactive);
    }

    @Test
    void aPatOfADeactivatedUserIsInactive() {
        String pat = fakes.issuePersonalAccessToken(user, null).token();
        fakes.users.save(user.withState(UserState.INACTIVE, fakes.clock.instant()));

        assertThat(introspect(pat)).matches(IntrospectionResult::isInactive);
    }

    @Test
    void aRevokedPatIsInactive() {
        FakePorts.IssuedToken issued = fakes.issuePersonalAccessToken(user, null);
        fakes.tokens.remove(issued.stored().id());

        assertThat(introspect(issued.token())).matches(IntrospectionResult::isInactive);
    }

    // --- tokens with OAuth details (audience rule) --------------------------------------------

    @Test
    void aTokenForNeitherTheClientNorItsProjectIsInactive() {
        String token = oauthToken("at-other", details(List.of("openid"), "999999", "someone@else"));

        assertThat(introspect(token)).isEqualTo(
                IntrospectionResult.inactive("token audience does not name client " + CLIENT_ID));
    }

    @Test
    void aTokenWithEmptyAudienceIsInactive() {
        assertThat(introspect(oauthToken("at-none", details(List.of("openid")))))
                .matches(IntrospectionResult::isInactive);
    }

    @Test
    void aTokenNamingTheProjectIsActiveWithItsClientIdAndUnchangedAudience() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));
        TokenDetails details = details(List.of("openid", "urn:zitadel:iam:org:project:id:" + PROJECT + ":aud"),
                PROJECT);
        String token = oauthToken("at-project", details);

        IntrospectionResult.ActiveTokenResult result = active(token);

        assertThat(result.clientId()).isEqualTo("robot");
        assertThat(result.audience()).containsExactly(PROJECT);
        assertThat(result.scopes()).containsExactly("openid", "urn:zitadel:iam:org:project:id:" + PROJECT + ":aud");
        assertThat(result.issuedAt()).isEqualTo(details.issuedAt());
        assertThat(result.expiresAt()).isEqualTo(oauthTokens.get(token).expiresAt());
        assertThat(result.tokenId()).isEqualTo("at-at-project");
        assertThat(result.roles()).isEqualTo(Map.of("reader", Map.of(Long.toString(org.id()), org.primaryDomain())));
        assertThat(result.profile()).isEmpty();
        assertThat(result.resourceOwner()).isEmpty();
    }

    @Test
    void aTokenNamingTheClientIdIsActive() {
        assertThat(active(oauthToken("at-client", details(List.of("openid"), CLIENT_ID))).audience())
                .containsExactly(CLIENT_ID);
    }

    @Test
    void roleKeyScopesNarrowTheRoles() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("writer", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("admin", org.id(), org.primaryDomain()));

        IntrospectionResult.ActiveTokenResult result = active(oauthToken("at-roles",
                details(List.of("openid", ROLE + "reader", ROLE + "admin", ROLE + "unheld"), PROJECT)));

        assertThat(result.roles()).containsOnlyKeys("reader", "admin");
        assertThat(result.scopes()).containsExactly("openid", ROLE + "reader", ROLE + "admin", ROLE + "unheld");
    }

    @Test
    void orgScopesNarrowTheGrantingOrgs() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("reader", otherOrg.id(), otherOrg.primaryDomain()));
        grants.add(new RoleGrant("writer", otherOrg.id(), otherOrg.primaryDomain()));

        IntrospectionResult.ActiveTokenResult result = active(oauthToken("at-orgs",
                details(List.of("urn:zitadel:iam:org:roles:id:" + otherOrg.id()), PROJECT)));

        assertThat(result.roles()).isEqualTo(Map.of(
                "reader", Map.of(Long.toString(otherOrg.id()), otherOrg.primaryDomain()),
                "writer", Map.of(Long.toString(otherOrg.id()), otherOrg.primaryDomain())));
    }

    @Test
    void roleAndOrgScopesTogetherNarrowBoth() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));
        grants.add(new RoleGrant("reader", otherOrg.id(), otherOrg.primaryDomain()));
        grants.add(new RoleGrant("writer", org.id(), org.primaryDomain()));

        IntrospectionResult.ActiveTokenResult result = active(oauthToken("at-both",
                details(List.of(ROLE + "reader", "urn:zitadel:iam:org:roles:id:" + org.id()), PROJECT)));

        assertThat(result.roles()).isEqualTo(Map.of("reader", Map.of(Long.toString(org.id()), org.primaryDomain())));
    }

    @Test
    void noMatchingRoleMeansNoRoles() {
        grants.add(new RoleGrant("reader", org.id(), org.primaryDomain()));

        assertThat(active(oauthToken("at-nomatch", details(List.of(ROLE + "writer"), PROJECT))).roles()).isEmpty();
    }

    @Test
    void theProfileScopeAddsTheProfileClaims() {
        ServiceUser renamed = fakes.users.save(new ServiceUser(user.id(), user.orgId(), "robot", "My Machine Account",
                "", user.accessTokenType(), UserState.ACTIVE, 2, user.createdAt(), Instant.parse("2025-08-28T09:14:42Z")));

        IntrospectionResult.ActiveTokenResult result = active(oauthToken("at-profile", details(List.of("profile"), PROJECT)));

        assertThat(result.profile()).contains(new IntrospectionResult.ProfileResult("robot", "My Machine Account",
                renamed.changedAt()));
        assertThat(result.resourceOwner()).isEmpty();
    }

    @Test
    void theResourceOwnerScopeAddsTheOrganizationClaims() {
        IntrospectionResult.ActiveTokenResult result = active(oauthToken("at-owner",
                details(List.of("urn:zitadel:iam:user:resourceowner"), PROJECT)));

        assertThat(result.resourceOwner()).contains(new IntrospectionResult.ResourceOwnerResult(org.id(), "ZITADEL",
                org.primaryDomain()));
        assertThat(result.profile()).isEmpty();
    }

    @Test
    void aTokenWhoseUserIsGoneIsInactive() {
        oauthTokens.put("at-ghost", new Principal(999_999L, org.id(), "ghost", "test-oauth",
                fakes.clock.instant().plusSeconds(60), details(List.of(), PROJECT)));

        assertThat(introspect("at-ghost")).isEqualTo(
                IntrospectionResult.inactive("user or organization of the token is gone or inactive"));
    }

    @Test
    void aStillVerifiedTokenOfAUserOrOrgDeactivatedMeanwhileIsInactive() {
        // The test method keeps verifying (as a credential cache not yet told of the change would).
        String token = oauthToken("at-stale", details(List.of(), PROJECT));
        assertThat(introspect(token)).matches(IntrospectionResult::isActive);

        fakes.users.save(user.withState(UserState.LOCKED, fakes.clock.instant()));
        assertThat(introspect(token)).matches(IntrospectionResult::isInactive);

        fakes.users.save(user);
        assertThat(introspect(token)).matches(IntrospectionResult::isActive);
        fakes.organizations.save(org.withState(dev.warden.domain.org.OrgState.INACTIVE, fakes.clock.instant()));
        assertThat(introspect(token)).matches(IntrospectionResult::isInactive);
    }
}
