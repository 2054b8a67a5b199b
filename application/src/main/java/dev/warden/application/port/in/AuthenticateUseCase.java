package dev.warden.application.port.in;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;

import java.util.Set;

/** Driving port: authenticate a request's credential through the enabled methods. */
public interface AuthenticateUseCase {

    /** Never throws on garbage; {@link Verification.Abstained} when no method understood it. */
    Verification authenticate(PresentedCredential credential);

    /**
     * The schemes of the enabled methods (as declared, compare case-insensitively): the HTTP
     * adapter hands a request's {@code Authorization} credential on only for these.
     */
    default Set<String> schemes() {
        return Set.of(CredentialSchemes.BEARER);
    }
}
