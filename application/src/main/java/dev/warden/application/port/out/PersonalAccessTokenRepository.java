package dev.warden.application.port.out;

import dev.warden.domain.token.PersonalAccessToken;

import java.util.Optional;

/** Driven port: stored personal access tokens (hashes and metadata only). */
public interface PersonalAccessTokenRepository {
    Optional<PersonalAccessToken> findById(long id);
}
