package dev.warden.http.user;

import dev.warden.application.port.in.UserResult;

/** Answer of {@code GET /management/v1/users/{id}}: {@code {"user":{…}}}. */
public record GetUserResponse(UserResponse user) {

    public static GetUserResponse from(UserResult result) {
        return new GetUserResponse(UserResponse.from(result.user(), result.hasSecret()));
    }
}
