package dev.warden.application.port.in;

/**
 * Driving port: {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} with an assertion
 * signed by a service user's machine key (contract §7.3.2). Throws {@link
 * dev.warden.application.oauth.OAuthRefusal}: {@code INVALID_GRANT} for any assertion that does
 * not verify, {@code INVALID_REQUEST} without a scope.
 */
public interface IssueJwtProfileTokenUseCase {

    IssuedTokenResult issue(IssueJwtProfileTokenCommand command);
}
