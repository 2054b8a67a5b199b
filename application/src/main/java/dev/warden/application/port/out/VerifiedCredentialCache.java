package dev.warden.application.port.out;

import dev.warden.domain.principal.Principal;

import java.util.Optional;

/**
 * Driven port: credentials that passed full verification, keyed by a fast digest of the
 * presented string, so the request hot path does not pay for the slow hash. Bounded in size;
 * an entry never outlives {@link Principal#expiresAt()}.
 *
 * <p>A verification reads the stored state, then (after argon2, which may wait in a queue) stores
 * what it found. Should an invalidation run in between — a change on this or another node — the
 * entry would be stale yet outlive the invalidation. So a verifier takes {@link #generation()}
 * before its reads and stores with {@link #put(String, Principal, long)}, which keeps nothing
 * if any invalidation ran since.
 */
public interface VerifiedCredentialCache {

    Optional<Principal> get(String digest);

    /** Stores the entry unconditionally: for a principal known to be current (tests, set-up). */
    void put(String digest, Principal principal);

    /** How many invalidations this cache has run; taken by a verifier before it reads the stored state. */
    long generation();

    /**
     * Stores the entry unless an invalidation ran since {@code generation} was taken: the stored
     * state the principal was built from may then be gone, and the entry would outlive the change.
     */
    void put(String digest, Principal principal, long generation);

    /** Drops every entry of that credential (revocation). */
    void invalidateCredential(String credentialId);

    /** Drops every entry of that user (deactivation, lock, deletion). */
    void invalidateUser(long userId);

    /** Drops every entry of that organization's users (deactivation, removal). */
    void invalidateOrg(long orgId);

    /** Drops every entry: the changes of other nodes can no longer be followed (database unreachable). */
    void invalidateAll();
}
