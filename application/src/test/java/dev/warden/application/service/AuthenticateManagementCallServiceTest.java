package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.principal.ClientPrincipal;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which credentials may call the management and admin APIs: the audience rule and the schemes offered. */
class AuthenticateManagementCallServiceTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private final FakePorts fakes = new FakePorts();
    private final Instance instance = fakes.instance(fakes.organization("ACME"));

    private static CredentialVerifier answering(String scheme, Verification outcome) {
        return new CredentialVerifier() {
            @Override
            public String scheme() {
                return scheme;
            }

            @Override
            public Verification verify(PresentedCredential credential) {
                return outcome;
            }
        };
    }

    private static Verification.Verified token(List<String> audience) {
        return new Verification.Verified(new Principal(1, 2, "at-1", "access-token", LATER,
                new TokenDetails(Instant.EPOCH, "robot", List.of("openid"), audience, false)), "access-token");
    }

    private AuthenticateManagementCallService service(CredentialVerifier... verifiers) {
        return new AuthenticateManagementCallService(new AuthenticateService(List.of(verifiers)), fakes.instances);
    }

    @Test
    void aTokenForTheManagementAudienceIsAcceptedAndOneForAnotherIsRefused() {
        Verification forUs = token(List.of("123", Long.toString(instance.id())));
        Verification forOthers = token(List.of("123"));
        PresentedCredential bearer = new PresentedCredential(CredentialSchemes.BEARER, "x");

        assertThat(service(answering(CredentialSchemes.BEARER, forUs)).authenticate(bearer)).isEqualTo(forUs);
        assertThat(service(answering(CredentialSchemes.BEARER, forOthers)).authenticate(bearer))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void aCredentialValidForAnyAudienceIsAccepted() {
        Verification pat = new Verification.Verified(new Principal(1, 2, "7", "pat", LATER), "pat");

        assertThat(service(answering(CredentialSchemes.BEARER, pat))
                .authenticate(new PresentedCredential(CredentialSchemes.BEARER, "x"))).isEqualTo(pat);
    }

    @Test
    void anApiClientIsNoCallerOfTheManagementApi() {
        Verification client = new Verification.VerifiedClient(new ClientPrincipal(1, 2, 3, "c", "k", "m"), "m");

        assertThat(service(answering("Custom", client)).authenticate(new PresentedCredential("Custom", "x")))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void theOAuthEndpointsOwnCredentialsAreNeitherOfferedNorTried() {
        Verification anyone = new Verification.Verified(new Principal(1, 2, "7", "pat", LATER), "pat");
        AuthenticateManagementCallService service = service(
                answering(CredentialSchemes.BEARER, anyone),
                answering(CredentialSchemes.CLIENT_SECRET, anyone),
                answering(CredentialSchemes.JWT_BEARER_GRANT, anyone),
                answering(CredentialSchemes.API_CLIENT_SECRET, anyone),
                answering(CredentialSchemes.API_CLIENT_ASSERTION, anyone),
                answering("Warden-HMAC", anyone));

        assertThat(service.schemes()).containsExactlyInAnyOrder(CredentialSchemes.BEARER, "Warden-HMAC");
        for (String scheme : List.of(CredentialSchemes.CLIENT_SECRET, CredentialSchemes.JWT_BEARER_GRANT,
                CredentialSchemes.CLIENT_ASSERTION, CredentialSchemes.API_CLIENT_SECRET,
                CredentialSchemes.API_CLIENT_ASSERTION.toUpperCase())) {
            assertThat(service.authenticate(new PresentedCredential(scheme, "x", "robot")))
                    .as(scheme).isEqualTo(Verification.ABSTAINED);
        }
        assertThat(service.authenticate(new PresentedCredential("Warden-HMAC", "x"))).isEqualTo(anyone);
    }
}
