package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.Verification;
import dev.warden.application.oauth.AccessTokenIssuer;
import dev.warden.application.oauth.OAuthRefusal;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.IssueClientCredentialsTokenCommand;
import dev.warden.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.domain.id.Ids;

import java.util.Optional;

/**
 * Client-credentials grant: the client (a service user's login name and secret, or an assertion
 * signed with one of its machine keys: {@code private_key_jwt}) authenticates
 * through the enabled authentication methods, then gets a token for its scopes.
 */
public final class IssueClientCredentialsTokenService implements IssueClientCredentialsTokenUseCase {

    private final AuthenticateUseCase authenticate;
    private final AccessTokenIssuer issuer;

    public IssueClientCredentialsTokenService(AuthenticateUseCase authenticate, AccessTokenIssuer issuer) {
        this.authenticate = authenticate;
        this.issuer = issuer;
    }

    @Override
    public IssuedTokenResult issue(IssueClientCredentialsTokenCommand command) {
        String scheme = command.client().scheme();
        if (!CredentialSchemes.CLIENT_SECRET.equals(scheme) && !CredentialSchemes.CLIENT_ASSERTION.equals(scheme)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_CLIENT,
                    "client_credentials needs client_secret_basic, client_secret_post or private_key_jwt");
        }
        // Before the secret is hashed: a request without a scope is refused for nothing.
        AccessTokenIssuer.requireScope(command.scope());
        if (!(authenticate.authenticate(command.client()) instanceof Verification.Verified verified)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_CLIENT, "client authentication failed");
        }
        // A token obtained with a machine key (private_key_jwt) dies with the key, as a JWT-profile token does.
        Optional<Long> machineKey = CredentialSchemes.CLIENT_ASSERTION.equals(scheme)
                ? Ids.parse(verified.principal().credentialId()) : Optional.empty();
        return issuer.issue(verified.principal(), machineKey, command.scope(), OAuthRefusal.Kind.INVALID_CLIENT);
    }
}
