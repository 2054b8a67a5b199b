package dev.warden.application.port.out;

import dev.warden.domain.principal.ClientPrincipal;

import java.util.Optional;

/**
 * Driven port: API application credentials (client secrets) that passed full verification,
 * keyed by a fast digest of client id and secret, so introspection pays argon2 once per secret.
 * Bounded and time-limited; forgets an app when it changes.
 */
public interface VerifiedClientCache {

    Optional<ClientPrincipal> get(String digest);

    void put(String digest, ClientPrincipal client);

    /** Drops every entry of that application (secret regenerated, app or project changed). */
    void invalidateApp(long appId);

    /** Drops every entry (a change that touches many apps: project or organization state). */
    void invalidateAll();
}
