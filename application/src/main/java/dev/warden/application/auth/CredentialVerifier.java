package dev.warden.application.auth;

/**
 * Extension point: one method of authenticating a request (PAT, OAuth access token, client
 * secret, private-key JWT, …). Implementations are stateless, thread-safe and never throw on
 * garbage input; they are created once by their {@link CredentialVerifierProvider}.
 */
public interface CredentialVerifier {

    /** The credential scheme this verifier looks at, e.g. {@code Bearer} (case-insensitive). */
    String scheme();

    /** Verify the credential; {@link Verification.Abstained} when it is not this verifier's kind. */
    Verification verify(PresentedCredential credential);

    /**
     * The answer from what this verifier already remembers (its cache of verified credentials),
     * without a database read or a hash; {@link Verification.Abstained} when it would have to look
     * further. Used while the failed-authentication limiter holds the caller back, so that a valid
     * credential that was verified before is still served. A verifier without such a memory keeps
     * this default.
     */
    default Verification verifyRemembered(PresentedCredential credential) {
        return Verification.ABSTAINED;
    }
}
