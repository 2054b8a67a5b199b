package dev.warden.application.oauth;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.IssueClientCredentialsTokenCommand;
import dev.warden.application.port.in.IssueJwtProfileTokenCommand;
import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.application.port.in.RevokeTokenCommand;
import dev.warden.application.service.AuthenticateManagementCallService;
import dev.warden.application.service.IssueClientCredentialsTokenService;
import dev.warden.application.service.IssueJwtProfileTokenService;
import dev.warden.application.service.RevokeTokenService;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.application.fakes.FakePorts;
import dev.warden.domain.oauth.AssertionClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token, revocation and management-authentication use cases over the verifier chain. */
class TokenUseCasesTest {

    private static final String ZITADEL_AUD = "urn:zitadel:iam:org:project:id:zitadel:aud";

    private OAuthFixture world;
    private IssueClientCredentialsTokenService clientCredentials;
    private IssueJwtProfileTokenService jwtProfile;
    private RevokeTokenService revoke;
    private AuthenticateManagementCallService management;

    @BeforeEach
    void setUp() {
        world = new OAuthFixture();
        var chain = world.authenticate();
        clientCredentials = new IssueClientCredentialsTokenService(chain, world.issuer());
        jwtProfile = new IssueJwtProfileTokenService(chain, world.issuer());
        revoke = new RevokeTokenService(chain, world.ports.accessTokens, world.ports.signingKeys, world.ports.cache,
                AuditTrail.none());
        management = new AuthenticateManagementCallService(chain, world.ports.instances);
    }

    private IssuedTokenResult withSecret(String scope) {
        return clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                world.clientSecret("robot", world.secret), scope));
    }

    private Verification callManagement(String token) {
        return management.authenticate(new PresentedCredential("Bearer", token));
    }

    private static OAuthRefusal.Kind refusal(Runnable call) {
        try {
            call.run();
        } catch (OAuthRefusal refusal) {
            return refusal.kind();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void clientCredentialsIssueAStoredOpaqueTokenWithScopeAndIdToken() {
        IssuedTokenResult issued = withSecret("openid profile bogus " + ZITADEL_AUD);

        assertThat(issued.tokenType()).isEqualTo("Bearer");
        assertThat(issued.expiresIn()).isEqualTo(12 * 3600);
        assertThat(issued.scope()).isEqualTo("openid profile " + ZITADEL_AUD);
        AccessToken stored = world.ports.accessTokens.all().getFirst();
        assertThat(stored.machineKeyId()).isEmpty();
        assertThat(stored.audience()).containsExactly(world.managementAudience());
        Map<String, Object> idToken = world.ports.signingKeys.claimsOf(issued.idToken().orElseThrow()).orElseThrow();
        assertThat(idToken).containsEntry("sub", Long.toString(world.user.id()))
                .containsEntry("azp", "robot").containsEntry("iss", "http://localhost:8080");
        assertThat((Long) idToken.get("exp")).isEqualTo((Long) idToken.get("iat") + 3600);
        assertThat(issued.toString()).doesNotContain(issued.accessToken());
    }

    @Test
    void withoutOpenidThereIsNoIdToken() {
        assertThat(withSecret(ZITADEL_AUD).idToken()).isEmpty();
    }

    @Test
    void jwtUsersGetASignedJwtAccessTokenWithItsClaims() {
        ServiceUser jwtUser = world.ports.users.save(world.user.withProfile("Robot", "", AccessTokenType.JWT,
                world.ports.clock.instant()));

        IssuedTokenResult issued = withSecret("profile");

        Map<String, Object> claims = world.ports.signingKeys.claimsOf(issued.accessToken()).orElseThrow();
        AccessToken stored = world.ports.accessTokens.all().getFirst();
        assertThat(claims).containsEntry("iss", "http://localhost:8080")
                .containsEntry("sub", Long.toString(jwtUser.id()))
                .containsEntry("jti", Long.toString(stored.id()))
                .containsEntry("client_id", "robot")
                .containsEntry("scope", "profile")
                .containsEntry("aud", List.of("robot"))
                .containsKeys("exp", "iat", "nbf");
        assertThat(stored.type()).isEqualTo(AccessTokenType.JWT);
    }

    @Test
    void jwtTokensCarryThePerProjectRoleClaimOnlyWhenRolesAreAskedFor() {
        world.ports.users.save(world.user.withProfile("Robot", "", AccessTokenType.JWT, world.ports.clock.instant()));
        var now = world.ports.clock.instant();
        long project = world.ports.ids.nextId();
        long otherProject = world.ports.ids.nextId();
        world.ports.projects.insert(Project.create(project, world.org.id(),
                new ProjectSettings("api", false, false, false,
                        PrivateLabelingSetting.UNSPECIFIED), now));
        world.ports.projectRoles.insertAll(List.of(
                ProjectRole.create(project, world.org.id(), "reader", "Reader", "", now),
                ProjectRole.create(project, world.org.id(), "writer", "Writer", "", now)));
        world.ports.userGrants.insert(UserGrant.create(world.ports.ids.nextId(),
                world.org.id(), world.user.id(), project, List.of("reader", "writer"),
                world.ports.clock.instant()));
        String aud = "urn:zitadel:iam:org:project:id:" + project + ":aud";
        String otherAud = "urn:zitadel:iam:org:project:id:" + otherProject + ":aud";
        String claim = RoleClaims.claimName(project);
        Map<String, String> org = Map.of(Long.toString(world.org.id()), world.org.primaryDomain());

        Map<String, Object> noRoleScope = world.ports.signingKeys.claimsOf(withSecret("openid " + aud).accessToken())
                .orElseThrow();
        IssuedTokenResult all = withSecret("openid urn:zitadel:iam:org:projects:roles " + aud + " " + otherAud);
        Map<String, Object> oneKey = world.ports.signingKeys.claimsOf(
                withSecret("urn:zitadel:iam:org:project:role:writer " + aud).accessToken()).orElseThrow();
        Map<String, Object> otherOrg = world.ports.signingKeys.claimsOf(withSecret(
                "urn:zitadel:iam:org:projects:roles urn:zitadel:iam:org:roles:id:1 " + aud).accessToken()).orElseThrow();

        assertThat(noRoleScope).doesNotContainKey(claim);
        Map<String, Object> allClaims = world.ports.signingKeys.claimsOf(all.accessToken()).orElseThrow();
        assertThat(allClaims).containsEntry(claim, Map.of("reader", org, "writer", org))
                .doesNotContainKey(RoleClaims.claimName(otherProject))
                .doesNotContainKey("urn:zitadel:iam:org:project:roles");
        assertThat(world.ports.signingKeys.claimsOf(all.idToken().orElseThrow()).orElseThrow())
                .containsEntry(claim, Map.of("reader", org, "writer", org));
        assertThat(oneKey).containsEntry(claim, Map.of("writer", org));
        assertThat(otherOrg).doesNotContainKey(claim);
    }

    @Test
    void privateKeyJwtAuthenticatesClientCredentialsAndRevocationAndTheTokenDiesWithTheKey() {
        IssuedTokenResult issued = clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                world.clientAssertion(), "openid " + ZITADEL_AUD));

        AccessToken stored = world.ports.accessTokens.all().getFirst();
        assertThat(stored.userId()).isEqualTo(world.user.id());
        assertThat(stored.machineKeyId()).contains(world.key.id());
        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Verified.class);

        revoke.revoke(new RevokeTokenCommand(world.clientAssertion(), issued.accessToken()));
        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Rejected.class);

        PresentedCredential reused = world.clientAssertion();
        clientCredentials.issue(new IssueClientCredentialsTokenCommand(reused, ZITADEL_AUD));
        assertThat(refusal(() -> clientCredentials.issue(new IssueClientCredentialsTokenCommand(reused,
                ZITADEL_AUD)))).isEqualTo(OAuthRefusal.Kind.INVALID_CLIENT);
        assertThat(refusal(() -> clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, world.assertion(), "someone-else"),
                ZITADEL_AUD)))).isEqualTo(OAuthRefusal.Kind.INVALID_CLIENT);
        assertThat(clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, world.assertion(), "robot"),
                ZITADEL_AUD)).accessToken()).startsWith("wdn_at_");
    }

    @Test
    void anAssertionWithoutIatIsAcceptedWithinTheMaximumLifetime() {
        // RFC 7523 §3: iat is optional; the lifetime is then bounded by exp alone.
        var now = world.ports.clock.instant();
        var claims = new AssertionClaims(Long.toString(world.user.id()),
                Long.toString(world.user.id()), List.of(FakePorts.ISSUER),
                Optional.empty(), Optional.of(now.plusSeconds(600)), Optional.empty(),
                Optional.of("no-iat"));
        String assertion = world.assertion(OAuthFixture.header("RS256", Long.toString(world.key.id())), claims,
                world.keyPair);

        IssuedTokenResult issued = jwtProfile.issue(new IssueJwtProfileTokenCommand(assertion, ZITADEL_AUD));

        assertThat(issued.accessToken()).startsWith("wdn_at_");
    }

    @Test
    void clientCredentialsRefusals() {
        assertThat(refusal(() -> withSecret(""))).isEqualTo(OAuthRefusal.Kind.INVALID_REQUEST);
        assertThat(refusal(() -> clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                world.clientSecret("robot", "wrong"), "openid")))).isEqualTo(OAuthRefusal.Kind.INVALID_CLIENT);
        assertThat(refusal(() -> clientCredentials.issue(new IssueClientCredentialsTokenCommand(
                new PresentedCredential("Bearer", world.secret), "openid")))).isEqualTo(OAuthRefusal.Kind.INVALID_CLIENT);
        assertThat(world.ports.accessTokens.all()).isEmpty();
    }

    @Test
    void jwtProfileTokensAreBoundToTheirKeyAndDieWithIt() {
        IssuedTokenResult issued = jwtProfile.issue(new IssueJwtProfileTokenCommand(world.assertion(), ZITADEL_AUD));
        assertThat(world.ports.accessTokens.all().getFirst().machineKeyId()).contains(world.key.id());
        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Verified.class);

        world.ports.machineKeys.remove(world.key.id());
        // What RemoveMachineKeyService and the change follower do with the USER_CHANGED the removal wrote.
        world.ports.cache.invalidateUser(world.user.id());

        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void jwtProfileRefusals() {
        String assertion = world.assertion();
        assertThat(refusal(() -> jwtProfile.issue(new IssueJwtProfileTokenCommand(assertion, ""))))
                .isEqualTo(OAuthRefusal.Kind.INVALID_REQUEST);
        // The request without a scope did not burn the assertion.
        jwtProfile.issue(new IssueJwtProfileTokenCommand(assertion, "openid"));
        assertThat(refusal(() -> jwtProfile.issue(new IssueJwtProfileTokenCommand(assertion, "openid"))))
                .isEqualTo(OAuthRefusal.Kind.INVALID_GRANT);
        assertThat(refusal(() -> jwtProfile.issue(new IssueJwtProfileTokenCommand("garbage", "openid"))))
                .isEqualTo(OAuthRefusal.Kind.INVALID_GRANT);
    }

    @Test
    void managementApiAcceptsOnlyTokensWithItsAudienceAndPatsAlways() {
        IssuedTokenResult forManagement = withSecret("openid " + ZITADEL_AUD);
        IssuedTokenResult forProject = withSecret("openid urn:zitadel:iam:org:project:id:4711:aud");
        IssuedTokenResult noAudience = withSecret("openid");

        assertThat(callManagement(forManagement.accessToken())).isInstanceOf(Verification.Verified.class);
        assertThat(callManagement(forProject.accessToken())).isInstanceOf(Verification.Rejected.class);
        assertThat(callManagement(noAudience.accessToken())).isInstanceOf(Verification.Rejected.class);
        assertThat(callManagement(world.ports.issuePersonalAccessToken(world.user, null).token()))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void revokedTokenIsRefusedOnTheNextRequestAndRevokingAgainIsNoError() {
        IssuedTokenResult issued = withSecret("openid " + ZITADEL_AUD);
        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Verified.class);
        long id = world.ports.accessTokens.all().getFirst().id();

        revoke.revoke(new RevokeTokenCommand(world.clientSecret("robot", world.secret), issued.accessToken()));

        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Rejected.class);
        assertThat(world.ports.changes.all()).anyMatch(c -> c.subjectId() == id
                && c.kind() == dev.warden.domain.change.ChangeKind.CREDENTIAL_REVOKED);
        revoke.revoke(new RevokeTokenCommand(world.clientSecret("robot", world.secret), issued.accessToken()));
        revoke.revoke(new RevokeTokenCommand(world.clientSecret("robot", world.secret), "garbage"));
    }

    @Test
    void revocationRefusals() {
        IssuedTokenResult issued = withSecret("openid " + ZITADEL_AUD);
        ServiceUser other = world.ports.serviceUser(world.org, "other");
        world.ports.secrets.save(dev.warden.domain.serviceuser.MachineSecret.create(other.id(),
                world.ports.hasher.hash("other-secret".getBytes()), Instant.now()));

        assertThat(refusal(() -> revoke.revoke(new RevokeTokenCommand(world.clientSecret("robot", "wrong"),
                issued.accessToken())))).isEqualTo(OAuthRefusal.Kind.INVALID_CLIENT);
        assertThat(refusal(() -> revoke.revoke(new RevokeTokenCommand(world.clientSecret("other", "other-secret"),
                issued.accessToken())))).isEqualTo(OAuthRefusal.Kind.UNAUTHORIZED_CLIENT);
        assertThat(refusal(() -> revoke.revoke(new RevokeTokenCommand(world.clientSecret("robot", world.secret),
                world.ports.issuePersonalAccessToken(world.user, null).token()))))
                .isEqualTo(OAuthRefusal.Kind.UNSUPPORTED_TOKEN_TYPE);
        assertThat(callManagement(issued.accessToken())).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void clientCredentialsThemselvesAreNeverAcceptedByTheManagementApi() {
        // Not even tried: the management API offers only its own schemes, so no assertion is used up.
        String assertion = world.assertion();
        assertThat(management.authenticate(new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT, assertion)))
                .isEqualTo(Verification.ABSTAINED);
        assertThat(management.authenticate(world.clientSecret("robot", world.secret)))
                .isEqualTo(Verification.ABSTAINED);
        assertThat(world.authenticate().authenticate(new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT,
                assertion))).isInstanceOf(Verification.Verified.class);
    }
}
