package dev.warden.application.service;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;

import java.util.List;

/** Runs the enabled verifiers in their configured order; the first that does not abstain decides. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final List<CredentialVerifier> verifiers;

    public AuthenticateService(List<CredentialVerifier> verifiers) {
        this.verifiers = List.copyOf(verifiers);
    }

    @Override
    public Verification authenticate(PresentedCredential credential) {
        for (CredentialVerifier verifier : verifiers) {
            if (!verifier.scheme().equalsIgnoreCase(credential.scheme())) {
                continue;
            }
            Verification verification = verifier.verify(credential);
            if (!(verification instanceof Verification.Abstained)) {
                return verification;
            }
        }
        return Verification.ABSTAINED;
    }
}
