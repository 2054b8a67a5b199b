package dev.warden.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1): the access token (opaque {@code wdn_at_…} or a
 * JWT), its type ({@code Bearer}), seconds until it expires, the granted scopes, and an OpenID
 * Connect id token when {@code openid} was granted. No refresh token: service users ask again.
 */
public record IssuedTokenResult(String accessToken, String tokenType, long expiresIn, String scope,
                                Optional<String> idToken) {
    public IssuedTokenResult {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(idToken, "idToken");
    }

    @Override
    public String toString() {
        return "IssuedTokenResult[accessToken=redacted, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", scope=" + scope + ", idToken=" + (idToken.isPresent() ? "redacted" : "none") + "]";
    }
}
