package dev.warden.application.port.in;

/**
 * Driving port: {@code grant_type=client_credentials} for a service user with a client secret
 * (contract §7.3.1). Throws {@link dev.warden.application.oauth.OAuthRefusal}: {@code
 * INVALID_CLIENT} when the client does not authenticate, {@code INVALID_REQUEST} without a scope.
 */
public interface IssueClientCredentialsTokenUseCase {

    IssuedTokenResult issue(IssueClientCredentialsTokenCommand command);
}
