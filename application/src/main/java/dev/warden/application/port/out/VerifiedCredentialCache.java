package dev.warden.application.port.out;

import dev.warden.domain.principal.Principal;

import java.util.Optional;

/**
 * Driven port: credentials that passed full verification, keyed by a fast digest of the
 * presented string, so the request hot path does not pay for the slow hash. Bounded in size;
 * an entry never outlives {@link Principal#expiresAt()}.
 */
public interface VerifiedCredentialCache {

    Optional<Principal> get(String digest);

    void put(String digest, Principal principal);

    /** Drops every entry of that credential (revocation). */
    void invalidateCredential(String credentialId);

    /** Drops every entry of that user (deactivation, lock, deletion). */
    void invalidateUser(long userId);

    /** Drops every entry of that organization's users (deactivation, removal). */
    void invalidateOrg(long orgId);
}
