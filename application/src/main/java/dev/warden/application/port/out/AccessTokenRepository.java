package dev.warden.application.port.out;

import dev.warden.domain.oauth.AccessToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the OAuth access tokens Warden issued, opaque and JWT alike (a JWT is valid only
 * while its row exists). A token obtained with a machine key goes with the key; a user's removal
 * removes its tokens.
 */
public interface AccessTokenRepository {

    /** Stores a new token; fails like a foreign key when its user or machine key is gone. */
    void insert(AccessToken token);

    Optional<AccessToken> findById(long id);

    /**
     * Deletes the token and writes {@code CREDENTIAL_REVOKED} with its id to the change feed in the
     * same transaction, so that every node forgets it; false when unknown.
     */
    boolean revoke(long id);

    /** Deletes the tokens that expired before {@code now}; how many went. */
    long purgeExpired(Instant now);
}
