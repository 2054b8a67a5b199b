package dev.warden.application.port.in;

/**
 * Driving port: revoke an access token (RFC 7009). The client authenticates as the service user
 * the token was issued to. An unknown, expired or malformed token is no error (RFC 7009 §2.2).
 * Throws {@link dev.warden.application.oauth.OAuthRefusal}: {@code INVALID_CLIENT} when the client
 * does not authenticate, {@code UNAUTHORIZED_CLIENT} for another client's token, {@code
 * UNSUPPORTED_TOKEN_TYPE} for a personal access token.
 */
public interface RevokeTokenUseCase {

    void revoke(RevokeTokenCommand command);
}
