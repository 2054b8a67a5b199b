package dev.warden.application.port.in;

import java.util.Objects;

/**
 * The bearer token presented to the userinfo endpoint (an access token or a PAT), and the address
 * of the client that presented it (empty if unknown), which the failed-authentication limiter counts.
 */
public record GetUserInfoQuery(String accessToken, String clientAddress) {
    public GetUserInfoQuery {
        Objects.requireNonNull(accessToken, "accessToken");
        clientAddress = clientAddress == null ? "" : clientAddress;
    }

    public GetUserInfoQuery(String accessToken) {
        this(accessToken, "");
    }

    @Override
    public String toString() {
        return "GetUserInfoQuery[accessToken=redacted]";
    }
}
