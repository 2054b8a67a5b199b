package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.domain.principal.Principal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasureAuthenticationServiceTest {

    private final List<String> counted = new ArrayList<>();
    private Verification answer = Verification.ABSTAINED;
    private RuntimeException failure;
    private final AuthenticateUseCase methods = new AuthenticateUseCase() {
        @Override
        public Verification authenticate(PresentedCredential credential) {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public Set<String> schemes() {
            return Set.of(CredentialSchemes.BEARER, CredentialSchemes.CLIENT_SECRET);
        }
    };
    private final MeasureAuthenticationService service = new MeasureAuthenticationService(methods,
            (scheme, method, outcome) -> counted.add(scheme + " " + method + " " + outcome));

    @Test
    void eachVerdictIsCountedOnceByScheme_methodAndOutcome() {
        answer = new Verification.Verified(new Principal(1, 10, "7", "pat", Instant.parse("2030-01-01T00:00:00Z")),
                "pat");
        assertThat(service.authenticate(new PresentedCredential("BEARER", "x"))).isSameAs(answer);
        answer = new Verification.Rejected("wrong");
        service.authenticate(new PresentedCredential(CredentialSchemes.CLIENT_SECRET, "x"));
        answer = Verification.Rejected.expired("old", "5", 1);
        service.authenticate(new PresentedCredential(CredentialSchemes.BEARER, "x"));
        answer = Verification.ABSTAINED;
        service.authenticate(new PresentedCredential(CredentialSchemes.BEARER, "x"));

        assertThat(counted).containsExactly("bearer pat verified", "client_secret none rejected",
                "bearer none expired", "bearer none unrecognized");
    }

    @Test
    void refusalsBeforeAnyVerdictAreCountedAndPassedOn() {
        failure = new TooManyAttemptsException(Duration.ofSeconds(3));
        assertThatThrownBy(() -> service.authenticate(new PresentedCredential("Bearer", "x"))).isSameAs(failure);
        failure = new UnavailableException("busy", "busy");
        assertThatThrownBy(() -> service.authenticate(new PresentedCredential("Bearer", "x"))).isSameAs(failure);
        failure = new IllegalStateException("bug");
        assertThatThrownBy(() -> service.authenticate(new PresentedCredential("Bearer", "x"))).isSameAs(failure);

        assertThat(counted).containsExactly("bearer none limited", "bearer none unavailable", "bearer none error");
    }

    @Test
    void aSchemeNoMethodDeclaresIsCountedAsOtherSoClientsCannotMintLabels() {
        service.authenticate(new PresentedCredential("X-Made-Up-" + System.nanoTime(), "x"));

        assertThat(counted).containsExactly("other none unrecognized");
    }
}
