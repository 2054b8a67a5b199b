package dev.warden.domain.principal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a credential was issued with, as introspection reports it: when, to which OAuth client
 * (the service user's name for client-credentials and JWT-profile tokens; empty for PATs), its
 * scopes and its audience. {@code anyAudience} marks credentials that are valid for every
 * audience (PATs, as in ZITADEL, where introspection appends the caller to their audience).
 */
public record TokenDetails(Instant issuedAt, String clientId, List<String> scopes, List<String> audience,
                           boolean anyAudience) {

    /** No OAuth details: valid for any audience, no scopes. */
    public static final TokenDetails NONE = new TokenDetails(Instant.EPOCH, "", List.of(), List.of(), true);

    public TokenDetails {
        Objects.requireNonNull(issuedAt, "issuedAt");
        clientId = clientId == null ? "" : clientId;
        scopes = List.copyOf(scopes);
        audience = List.copyOf(audience);
    }

    /** Whether a resource server known by any of these ids is in this credential's audience. */
    public boolean isFor(String... audienceIds) {
        if (anyAudience) {
            return true;
        }
        for (String id : audienceIds) {
            if (audience.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
