package dev.warden.http.oauth;

import java.util.Objects;

/**
 * An OAuth error answer (RFC 6749 §5.2): HTTP status, {@code error} code and a description a
 * developer understands. Descriptions never contain secrets, tokens or internal details.
 */
public record OAuthError(int status, String error, String description) {

    public OAuthError {
        Objects.requireNonNull(error, "error");
        description = description == null ? "" : description;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** Client authentication failed: 401 (RFC 6749 §5.2, where ZITADEL answers 400). */
    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /** A protected resource refuses the bearer token: 401 (RFC 6750 §3.1, where ZITADEL says {@code access_denied}). */
    public static OAuthError invalidToken(String description) {
        return new OAuthError(401, "invalid_token", description);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError(400, "unauthorized_client", description);
    }

    public static OAuthError unsupportedGrantType(String grantType) {
        return new OAuthError(400, "unsupported_grant_type", grantType + " not supported");
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    public static OAuthError serverError() {
        return new OAuthError(500, "server_error", "internal error");
    }

    /**
     * The failed-authentication limiter holds the client back: 429. OAuth defines no code for it;
     * {@code temporarily_unavailable} is the one a client already treats as "retry later".
     */
    public static OAuthError tooManyAttempts() {
        return new OAuthError(429, "temporarily_unavailable",
                "too many failed authentication attempts; retry after the time in Retry-After");
    }

    public static OAuthError temporarilyUnavailable() {
        return new OAuthError(503, "temporarily_unavailable", "the server is busy, retry shortly");
    }
}
