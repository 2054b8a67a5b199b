package dev.warden.application.port.out;

import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Driven port: stored personal access tokens (hashes and metadata only). */
public interface PersonalAccessTokenRepository {

    Optional<PersonalAccessToken> findById(long id);

    void insert(PersonalAccessToken token);

    /** Deletes the token and writes {@code CREDENTIAL_REVOKED} to the change feed; false when unknown. */
    boolean remove(long tokenId);

    /** The user's tokens ordered by creation (direction from the page request). */
    Page<PersonalAccessToken> findByUser(long userId, PageRequest page);

    /**
     * Replaces the stored hash of the token's secret with {@code replacement} if it is still
     * {@code expected}, and changes nothing else: a rehash of the same secret with another algorithm
     * or cost, not a new secret. False, having stored nothing, when the token is gone or its hash is
     * no longer {@code expected} (a concurrent rehash won). Writes nothing to the change feed: the
     * secret is unchanged, so what any node verified with the old hash is still true.
     */
    boolean updateSecretHash(long tokenId, SecretHash expected, SecretHash replacement);

    /** Records last use in one batch; a time never moves backwards; unknown ids are ignored. */
    void recordLastUsed(Map<Long, Instant> lastUsedByTokenId);
}
