package dev.warden.application.port.out;

import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;

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

    /** Records last use in one batch; a time never moves backwards; unknown ids are ignored. */
    void recordLastUsed(Map<Long, Instant> lastUsedByTokenId);
}
