package dev.warden.http.token;

import dev.warden.application.port.in.PersonalAccessTokenResult;

/** Answer of {@code GET /management/v1/users/{userId}/pats/{tokenId}}: {@code {"token":{…}}}. */
public record GetPersonalAccessTokenResponse(PersonalAccessTokenResponse token) {

    public static GetPersonalAccessTokenResponse from(PersonalAccessTokenResult result) {
        return new GetPersonalAccessTokenResponse(PersonalAccessTokenResponse.from(result.token()));
    }
}
