package dev.warden.http.token;

import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.http.json.ObjectDetailsResponse;

/** Answer of {@code POST /management/v1/users/{userId}/pats}: the only answer that carries the token string. */
public record AddPersonalAccessTokenResponse(String tokenId, String token, ObjectDetailsResponse details) {

    public static AddPersonalAccessTokenResponse from(AddedPersonalAccessTokenResult result) {
        PersonalAccessToken pat = result.token();
        return new AddPersonalAccessTokenResponse(Long.toString(pat.id()), result.tokenString(),
                ObjectDetailsResponse.created(pat.sequence(), pat.createdAt(), pat.orgId()));
    }

    @Override
    public String toString() {
        // Keeps the secret out of any log line or assertion message that prints this record.
        return "AddPersonalAccessTokenResponse[tokenId=" + tokenId + ", token=redacted]";
    }
}
