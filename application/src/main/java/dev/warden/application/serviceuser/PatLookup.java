package dev.warden.application.serviceuser;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.token.PersonalAccessToken;

import java.util.Optional;

/**
 * Finds the token a request names by its raw user and token ids: only a token of that user in the
 * current organization exists for it. Malformed ids name no token.
 */
public final class PatLookup {

    private PatLookup() {
    }

    public static Optional<PersonalAccessToken> of(PersonalAccessTokenRepository tokens, String rawUserId,
                                            String rawTokenId, long orgId) {
        Optional<Long> userId = Ids.parse(rawUserId);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        return Ids.parse(rawTokenId)
                .flatMap(tokens::findById)
                .filter(token -> token.userId() == userId.get() && token.orgId() == orgId);
    }
}
