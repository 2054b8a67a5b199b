package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.oauth.AccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenVerifierTest {

    private static final String SCOPE = "openid urn:zitadel:iam:org:project:id:zitadel:aud";

    private OAuthFixture world;
    private CredentialVerifier verifier;
    private ServiceUser jwtUser;

    @BeforeEach
    void setUp() {
        world = new OAuthFixture();
        verifier = new AccessTokenVerifierProvider().create(world.ports.verifierContext());
        jwtUser = world.ports.users.save(ServiceUser.create(world.ports.ids.nextId(), world.org.id(), "jwt-robot",
                "JWT robot", "", AccessTokenType.JWT, world.ports.clock.instant()));
    }

    private IssuedTokenResult issue(ServiceUser user, String scope) {
        Principal principal = new Principal(user.id(), user.orgId(), "x", "test", world.ports.clock.instant()
                .plusSeconds(60));
        return world.issuer().issue(principal, Optional.empty(), scope, OAuthRefusal.Kind.INVALID_GRANT);
    }

    private Verification verify(String token) {
        return verifier.verify(new PresentedCredential("Bearer", token));
    }

    @Test
    void providerIsRegisteredUnderItsIdForTheBearerScheme() {
        assertThat(new AccessTokenVerifierProvider().id()).isEqualTo("access-token");
        assertThat(verifier.scheme()).isEqualTo("Bearer");
    }

    @Test
    void opaqueTokenIsVerifiedWithItsScopesAudienceAndClient() {
        IssuedTokenResult issued = issue(world.user, SCOPE);
        assertThat(issued.accessToken()).startsWith("wdn_at_");
        AccessToken stored = world.ports.accessTokens.all().getFirst();

        Verification verification = verify(issued.accessToken());

        assertThat(verification).isEqualTo(new Verification.Verified(new Principal(world.user.id(), world.org.id(),
                Long.toString(stored.id()), "access-token", stored.expiresAt(), new TokenDetails(stored.issuedAt(),
                "robot", List.of("openid", "urn:zitadel:iam:org:project:id:zitadel:aud"),
                List.of(world.managementAudience()), false)), "access-token"));
    }

    @Test
    void jwtTokenIsVerifiedAgainstItsRow() {
        IssuedTokenResult issued = issue(jwtUser, SCOPE);
        assertThat(issued.accessToken()).startsWith("eyJ");

        Verification verification = verify(issued.accessToken());

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        Principal principal = ((Verification.Verified) verification).principal();
        assertThat(principal.userId()).isEqualTo(jwtUser.id());
        assertThat(principal.token().clientId()).isEqualTo("jwt-robot");
        assertThat(principal.token().audience()).containsExactly(world.managementAudience());
    }

    @Test
    void secondVerificationIsACacheHitWithoutTheDatabase() {
        IssuedTokenResult issued = issue(world.user, SCOPE);
        assertThat(verify(issued.accessToken())).isInstanceOf(Verification.Verified.class);
        int lookups = world.ports.accessTokens.lookups();

        assertThat(verify(issued.accessToken())).isInstanceOf(Verification.Verified.class);

        assertThat(world.ports.accessTokens.lookups()).isEqualTo(lookups);
    }

    @Test
    void revokedTokensAreRefusedOnceTheRevocationReachedTheCache() {
        for (ServiceUser user : List.of(world.user, jwtUser)) {
            IssuedTokenResult issued = issue(user, SCOPE);
            assertThat(verify(issued.accessToken())).isInstanceOf(Verification.Verified.class);
            AccessToken stored = world.ports.accessTokens.all().stream().filter(t -> t.userId() == user.id())
                    .findFirst().orElseThrow();

            world.ports.accessTokens.revoke(stored.id());
            world.ports.cache.invalidateCredential(Long.toString(stored.id()));

            assertThat(verify(issued.accessToken())).as(user.userName()).isInstanceOf(Verification.Rejected.class);
        }
    }

    @Test
    void expiredTokensAreRefusedEvenWhenCached() {
        IssuedTokenResult opaque = issue(world.user, SCOPE);
        IssuedTokenResult jwt = issue(jwtUser, SCOPE);
        assertThat(verify(opaque.accessToken())).isInstanceOf(Verification.Verified.class);

        world.ports.clock.advance(Duration.ofHours(12).plusSeconds(1));

        assertThat(verify(opaque.accessToken())).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(jwt.accessToken())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void tokensOfInactiveUsersOrOrganizationsAreRefused() {
        IssuedTokenResult issued = issue(world.user, SCOPE);
        world.ports.users.save(world.user.withState(UserState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify(issued.accessToken())).isInstanceOf(Verification.Rejected.class);

        world.ports.users.save(world.user);
        world.ports.organizations.save(world.org.withState(OrgState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify(issued.accessToken())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void jwtsWarderDidNotSignOrWhoseRowIsGoneAreRefused() {
        IssuedTokenResult issued = issue(jwtUser, SCOPE);
        String[] parts = issued.accessToken().split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(world.ports.signingKeys.claimsOf(issued.accessToken())
                .orElseThrow());
        claims.put("sub", Long.toString(world.user.id()));
        String otherSubject = world.ports.signingKeys.sign(claims);
        claims.put("jti", "123");
        String unknownJti = world.ports.signingKeys.sign(claims);

        assertThat(verify(parts[0] + "." + parts[1] + ".c2lnbmF0dXJl")).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(otherSubject)).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(unknownJti)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void patsAndOtherStringsAreNotItsBusiness() {
        assertThat(verify(world.ports.issuePersonalAccessToken(world.user, null).token()))
                .isInstanceOf(Verification.Abstained.class);
        assertThat(verify("some-api-key")).isInstanceOf(Verification.Abstained.class);
        assertThat(verify("a..b")).isInstanceOf(Verification.Abstained.class);
    }

    @Nested
    class OpaqueContract extends CredentialVerifierContract {
        private String token;

        @BeforeEach
        void issueToken() {
            token = issue(world.user, SCOPE).accessToken();
        }

        @Override
        protected CredentialVerifier verifier() {
            return verifier;
        }

        @Override
        protected PresentedCredential validCredential() {
            return new PresentedCredential("Bearer", token);
        }
    }

    @Nested
    class JwtContract extends CredentialVerifierContract {
        private String token;

        @BeforeEach
        void issueToken() {
            token = issue(jwtUser, SCOPE).accessToken();
        }

        @Override
        protected CredentialVerifier verifier() {
            return verifier;
        }

        @Override
        protected PresentedCredential validCredential() {
            return new PresentedCredential("Bearer", token);
        }

        @Override
        protected List<PresentedCredential> otherMethodsCredentials() {
            return super.otherMethodsCredentials();
        }
    }
}
