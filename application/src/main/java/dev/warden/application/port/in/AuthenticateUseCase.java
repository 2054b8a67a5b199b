package dev.warden.application.port.in;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;

import java.util.Set;

/** Driving port: authenticate a request's credential through the enabled methods. */
public interface AuthenticateUseCase {

    /**
     * Never throws on garbage; {@link Verification.Abstained} when no method understood it. Throws
     * {@link dev.warden.application.error.TooManyAttemptsException} when the failed-authentication
     * limiter holds the caller's address or the credential's id back and no method remembers the
     * credential as valid, and {@link dev.warden.application.error.UnavailableException} when the
     * hashing pool sheds load.
     */
    Verification authenticate(PresentedCredential credential);

    /**
     * What the enabled methods already remember of the credential (verified before, still cached),
     * with no database read and no hash; {@link Verification.Abstained} when none remembers it.
     */
    default Verification authenticateRemembered(PresentedCredential credential) {
        return Verification.ABSTAINED;
    }

    /**
     * The schemes of the enabled methods (as declared, compare case-insensitively): the HTTP
     * adapter hands a request's {@code Authorization} credential on only for these.
     */
    default Set<String> schemes() {
        return Set.of(CredentialSchemes.BEARER);
    }
}
