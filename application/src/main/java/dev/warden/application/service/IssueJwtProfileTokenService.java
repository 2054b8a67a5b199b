package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.oauth.AccessTokenIssuer;
import dev.warden.application.oauth.OAuthRefusal;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.IssueJwtProfileTokenCommand;
import dev.warden.application.port.in.IssueJwtProfileTokenUseCase;
import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.domain.id.Ids;

/**
 * JWT-profile grant (RFC 7523): the assertion is verified through the enabled authentication
 * methods; the token is bound to the machine key that signed it (the principal's credential), so
 * that removing the key kills the token.
 */
public final class IssueJwtProfileTokenService implements IssueJwtProfileTokenUseCase {

    private final AuthenticateUseCase authenticate;
    private final AccessTokenIssuer issuer;

    public IssueJwtProfileTokenService(AuthenticateUseCase authenticate, AccessTokenIssuer issuer) {
        this.authenticate = authenticate;
        this.issuer = issuer;
    }

    @Override
    public IssuedTokenResult issue(IssueJwtProfileTokenCommand command) {
        // Before the assertion is checked: it is single-use, and a request without a scope must not burn it.
        AccessTokenIssuer.requireScope(command.scope());
        Verification verification = authenticate.authenticate(
                new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT, command.assertion()));
        if (!(verification instanceof Verification.Verified verified)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_GRANT, "the assertion is not valid");
        }
        return issuer.issue(verified.principal(), Ids.parse(verified.principal().credentialId()), command.scope(),
                OAuthRefusal.Kind.INVALID_GRANT);
    }
}
