package dev.warden.application.service;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.domain.principal.Principal;
import dev.warden.application.auth.Verification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticateServiceTest {

    private static final PresentedCredential BEARER = new PresentedCredential("Bearer", "some-token");
    private final List<String> calls = new ArrayList<>();

    @Test
    void verifiersRunInTheirConfiguredOrderUntilOneDoesNotAbstain() {
        Verification.Verified second = verified(2);
        AuthenticateService service = new AuthenticateService(List.of(
                scripted("first", "Bearer", Verification.ABSTAINED),
                scripted("second", "Bearer", second),
                scripted("third", "Bearer", verified(3))));

        Verification verification = service.authenticate(BEARER);

        assertThat(verification).isEqualTo(second);
        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    void reversingTheConfiguredOrderChangesWhoDecides() {
        Verification.Verified two = verified(2);
        Verification.Verified three = verified(3);

        Verification forward = new AuthenticateService(List.of(
                scripted("two", "Bearer", two), scripted("three", "Bearer", three))).authenticate(BEARER);
        Verification backward = new AuthenticateService(List.of(
                scripted("three", "Bearer", three), scripted("two", "Bearer", two))).authenticate(BEARER);

        assertThat(forward).isEqualTo(two);
        assertThat(backward).isEqualTo(three);
    }

    @Test
    void rejectionStopsTheChain() {
        Verification.Rejected rejected = new Verification.Rejected("expired");
        AuthenticateService service = new AuthenticateService(List.of(
                scripted("rejecting", "Bearer", rejected),
                scripted("accepting", "Bearer", verified(2))));

        assertThat(service.authenticate(BEARER)).isEqualTo(rejected);
        assertThat(calls).containsExactly("rejecting");
    }

    @Test
    void whenEveryVerifierAbstainsTheResultIsAbstained() {
        AuthenticateService service = new AuthenticateService(List.of(
                scripted("a", "Bearer", Verification.ABSTAINED), scripted("b", "Bearer", Verification.ABSTAINED)));

        assertThat(service.authenticate(BEARER)).isInstanceOf(Verification.Abstained.class);
        assertThat(calls).containsExactly("a", "b");
    }

    @Test
    void withoutVerifiersEveryCredentialIsAbstained() {
        assertThat(new AuthenticateService(List.of()).authenticate(BEARER)).isInstanceOf(Verification.Abstained.class);
    }

    @Test
    void schemeIsMatchedCaseInsensitively() {
        Verification.Verified verified = verified(2);
        AuthenticateService service = new AuthenticateService(List.of(scripted("bearer", "Bearer", verified)));

        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertThat(service.authenticate(new PresentedCredential(scheme, "t"))).as(scheme).isEqualTo(verified);
        }
    }

    @Test
    void verifiersOfOtherSchemesAreNotAsked() {
        AuthenticateService service = new AuthenticateService(List.of(
                scripted("basic", "Basic", verified(1)),
                scripted("bearer", "Bearer", Verification.ABSTAINED)));

        assertThat(service.authenticate(BEARER)).isInstanceOf(Verification.Abstained.class);
        assertThat(calls).containsExactly("bearer");
    }

    @Test
    void schemeMustMatchExactlyApartFromCase() {
        AuthenticateService service = new AuthenticateService(List.of(scripted("bearer", "Bearer", verified(1))));

        for (String scheme : new String[] {"Bearer ", " Bearer", "Bearerx", "Bear", ""}) {
            assertThat(service.authenticate(new PresentedCredential(scheme, "t"))).as("'%s'", scheme)
                    .isInstanceOf(Verification.Abstained.class);
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void laterChangesToTheGivenListDoNotAffectTheService() {
        List<CredentialVerifier> verifiers = new ArrayList<>();
        verifiers.add(scripted("a", "Bearer", Verification.ABSTAINED));
        AuthenticateService service = new AuthenticateService(verifiers);

        verifiers.add(scripted("late", "Bearer", verified(1)));

        assertThat(service.authenticate(BEARER)).isInstanceOf(Verification.Abstained.class);
    }

    @Test
    void theEnabledSchemesAreThoseTheVerifiersDeclareInOrder() {
        AuthenticateService service = new AuthenticateService(List.of(
                scripted("hmac", "Warden-HMAC", verified(1)),
                scripted("bearer", "Bearer", Verification.ABSTAINED),
                scripted("other-bearer", "Bearer", Verification.ABSTAINED)));

        assertThat(service.schemes()).containsExactly("Warden-HMAC", "Bearer");
        assertThat(new AuthenticateService(List.of()).schemes()).isEmpty();
    }

    private CredentialVerifier scripted(String name, String scheme, Verification outcome) {
        return new CredentialVerifier() {
            @Override
            public String scheme() {
                return scheme;
            }

            @Override
            public Verification verify(PresentedCredential credential) {
                calls.add(name);
                return outcome;
            }
        };
    }

    private static Verification.Verified verified(long userId) {
        return new Verification.Verified(
                new Principal(userId, 10, "cred-" + userId, "test", Instant.parse("2030-01-01T00:00:00Z")), "test");
    }
}
