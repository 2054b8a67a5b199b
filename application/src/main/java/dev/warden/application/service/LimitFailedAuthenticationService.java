package dev.warden.application.service;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.FailedAuthenticationLimiter;
import dev.warden.application.port.out.FailedAuthenticationLimiter.Key;
import dev.warden.application.port.out.FailedAuthenticationLimiter.KeyKind;
import dev.warden.application.port.out.FailedAuthenticationListener;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The failed-authentication limiter in front of the enabled methods (security decision 6): every
 * path that authenticates — bearer calls of the management API, the token, revocation,
 * introspection and userinfo endpoints — goes through it. A failure counts against the client's
 * address and against the presented credential's id (PAT or access-token id, login name, API
 * client id). While either is held back, a credential is answered only from what the methods
 * remember (verified before, still cached: a valid caller keeps being served) and otherwise
 * refused with {@link TooManyAttemptsException} before any database read or hash, after a short
 * pause (a tarpit; so is a refusal because the hashing pool is full). An attempt is charged when admitted and forgiven unless it fails, so a crowd
 * arriving at once cannot all slip past a key's allowance while the first are being verified.
 */
public final class LimitFailedAuthenticationService implements AuthenticateUseCase {

    /** Longer ids are counted by digest, so an attacker's long ids cost no more memory than short ones. */
    static final int MAX_ID_LENGTH = 200;

    private final AuthenticateUseCase methods;
    private final FailedAuthenticationLimiter limiter;
    private final FailedAuthenticationListener listener;
    private final Duration refusalDelay;

    /**
     * @param methods      the enabled authentication methods (the plain verifier chain)
     * @param refusalDelay how long a held-back attempt waits before it is refused: a client that
     *                     retries at once (an attacker's closed loop) then costs a sleeping virtual
     *                     thread rather than a busy core
     */
    public LimitFailedAuthenticationService(AuthenticateUseCase methods, FailedAuthenticationLimiter limiter,
                                            FailedAuthenticationListener listener, Duration refusalDelay) {
        this.methods = methods;
        this.limiter = limiter;
        this.listener = listener;
        this.refusalDelay = refusalDelay;
    }

    @Override
    public Set<String> schemes() {
        return methods.schemes();
    }

    @Override
    public Verification authenticate(PresentedCredential credential) {
        // A credential verified before is served whatever its address or id did, and costs the
        // limiter nothing: the hot path stays a cache hit. Only what needs the database or a hash is
        // admitted, charged and forgiven.
        Verification remembered = methods.authenticateRemembered(credential);
        if (remembered instanceof Verification.Verified || remembered instanceof Verification.VerifiedClient) {
            return remembered;
        }
        List<Key> keys = keys(credential);
        if (keys.isEmpty()) {
            return methods.authenticate(credential);
        }
        FailedAuthenticationLimiter.Admission admission = limiter.admit(keys);
        if (!admission.admitted()) {
            pause();
            throw new TooManyAttemptsException(admission.retryAfter());
        }
        Verification verification;
        try {
            verification = methods.authenticate(credential);
        } catch (RuntimeException e) {
            // Shed load or a database failure: no verdict on the credential, so no failure either.
            limiter.forgive(keys);
            if (e instanceof UnavailableException shed && SecretHasher.BUSY_ERROR_ID.equals(shed.errorId())) {
                // The hashing pool is full: a flood from many addresses. Its refusals are paced like
                // the limiter's, so that retrying at once costs the flood time rather than us a core.
                pause();
            }
            throw e;
        }
        if (verification instanceof Verification.Rejected || verification instanceof Verification.Abstained) {
            for (Key limited : admission.reached()) {
                listener.limitReached(limited, credential.scheme());
            }
        } else {
            limiter.forgive(keys);
        }
        return verification;
    }

    private void pause() {
        if (refusalDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(refusalDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Verification authenticateRemembered(PresentedCredential credential) {
        return methods.authenticateRemembered(credential);
    }

    /** The keys a failure of this credential counts against: its client's address and its id, where known. */
    static List<Key> keys(PresentedCredential credential) {
        List<Key> keys = new ArrayList<>(2);
        if (!credential.clientAddress().isEmpty()) {
            keys.add(new Key(KeyKind.ADDRESS, addressKey(credential.clientAddress())));
        }
        credentialId(credential).ifPresent(id -> keys.add(new Key(KeyKind.CREDENTIAL, id)));
        return keys;
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber usually
     * holds whole (counting single IPv6 addresses would let one attacker use 2^64 of them).
     */
    static String addressKey(String address) {
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    /**
     * The id the credential claims, without checking it: a token's id from its (checksummed)
     * text, or the client id sent beside a secret or an assertion. Qualified by kind, so that a
     * PAT id and a client id never share a count.
     */
    private static Optional<String> credentialId(PresentedCredential credential) {
        if (CredentialSchemes.BEARER.equalsIgnoreCase(credential.scheme())) {
            for (TokenKind kind : TokenKind.values()) {
                Optional<OpaqueToken> token = OpaqueToken.parse(kind, credential.value());
                if (token.isPresent()) {
                    return Optional.of(kind.prefix() + token.get().id());
                }
            }
            return Optional.empty();
        }
        if (credential.clientId().isEmpty()) {
            return Optional.empty();
        }
        // Login names are matched without regard to case: so are their counts.
        String id = credential.scheme().toLowerCase(Locale.ROOT) + ":" + credential.clientId().toLowerCase(Locale.ROOT);
        return Optional.of(id.length() > MAX_ID_LENGTH ? CredentialDigest.of(id) : id);
    }
}
