package dev.warden.application.port.in;

import java.util.Objects;

/** The bearer token presented to the userinfo endpoint (an access token or a PAT). */
public record GetUserInfoQuery(String accessToken) {
    public GetUserInfoQuery {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "GetUserInfoQuery[accessToken=redacted]";
    }
}
