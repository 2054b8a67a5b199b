package dev.warden.application.port.out;

import dev.warden.domain.principal.ClientPrincipal;

import java.util.Optional;

/**
 * Driven port: API application credentials (client secrets) that passed full verification,
 * keyed by a fast digest of client id and secret, so introspection pays argon2 once per secret.
 * Bounded and time-limited; forgets an app when it changes. As for {@link VerifiedCredentialCache},
 * a verifier takes {@link #generation()} before it reads the app and stores with
 * {@link #put(String, ClientPrincipal, long)}, so that a change during its argon2 check leaves no
 * stale entry behind.
 */
public interface VerifiedClientCache {

    Optional<ClientPrincipal> get(String digest);

    /** Stores the entry unconditionally: for a client known to be current (tests, set-up). */
    void put(String digest, ClientPrincipal client);

    /** How many invalidations this cache has run; taken by a verifier before it reads the app. */
    long generation();

    /** Stores the entry unless an invalidation ran since {@code generation} was taken. */
    void put(String digest, ClientPrincipal client, long generation);

    /** Drops every entry of that application (secret regenerated, app or project changed). */
    void invalidateApp(long appId);

    /** Drops every entry (a change that touches many apps: project or organization state). */
    void invalidateAll();
}
