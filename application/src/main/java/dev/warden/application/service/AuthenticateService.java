package dev.warden.application.service;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.AuthenticationFailureCommand;
import dev.warden.application.port.in.RecordAuthenticationFailureUseCase;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/** Runs the enabled verifiers in their configured order; the first that does not abstain decides. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final List<CredentialVerifier> verifiers;
    private final Set<String> schemes;
    private final RecordAuthenticationFailureUseCase failures;

    public AuthenticateService(List<CredentialVerifier> verifiers) {
        this(verifiers, command -> { });
    }

    /** @param failures told of every rejected credential (for the audit log); never of a secret */
    public AuthenticateService(List<CredentialVerifier> verifiers, RecordAuthenticationFailureUseCase failures) {
        this.failures = Objects.requireNonNull(failures, "failures");
        this.verifiers = List.copyOf(verifiers);
        Set<String> declared = new LinkedHashSet<>();
        this.verifiers.forEach(v -> declared.add(v.scheme()));
        this.schemes = Collections.unmodifiableSet(declared);
    }

    @Override
    public Set<String> schemes() {
        return schemes;
    }

    @Override
    public Verification authenticate(PresentedCredential credential) {
        return firstAnswer(credential, CredentialVerifier::verify, true);
    }

    @Override
    public Verification authenticateRemembered(PresentedCredential credential) {
        // Not told to the audit log: a credential that is not remembered is verified in full next.
        return firstAnswer(credential, CredentialVerifier::verifyRemembered, false);
    }

    private Verification firstAnswer(PresentedCredential credential,
                                     BiFunction<CredentialVerifier, PresentedCredential, Verification> ask,
                                     boolean recordFailures) {
        for (CredentialVerifier verifier : verifiers) {
            if (!verifier.scheme().equalsIgnoreCase(credential.scheme())) {
                continue;
            }
            Verification verification = ask.apply(verifier, credential);
            if (recordFailures && verification instanceof Verification.Rejected rejected) {
                failures.recordAuthenticationFailure(new AuthenticationFailureCommand(credential.clientAddress(),
                        rejected.credentialId(), rejected.userId(), rejected.expired(), credential.scheme()));
            }
            if (!(verification instanceof Verification.Abstained)) {
                return verification;
            }
        }
        return Verification.ABSTAINED;
    }
}
