package dev.warden.http.token;

import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.http.json.ObjectDetailsResponse;
import dev.warden.http.json.Timestamps;

import java.util.List;

/**
 * {@code zitadel.user.v1.PersonalAccessToken}: metadata only, never the token string.
 * {@code lastUsedDate} is Warden's addition, omitted while the token has never been used.
 */
public record PersonalAccessTokenResponse(String id, ObjectDetailsResponse details, String expirationDate,
                                          List<String> scopes, String lastUsedDate) {

    public static PersonalAccessTokenResponse from(PersonalAccessToken pat) {
        return new PersonalAccessTokenResponse(Long.toString(pat.id()),
                ObjectDetailsResponse.view(pat.sequence(), pat.createdAt(), pat.changedAt(), pat.orgId()),
                Timestamps.format(pat.expiresAt()), PersonalAccessToken.SCOPES, Timestamps.format(pat.lastUsedAt()));
    }
}
