package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.Verification;
import dev.warden.application.oauth.OAuthRefusal;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.RevokeTokenCommand;
import dev.warden.application.port.in.RevokeTokenUseCase;
import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.application.port.out.SigningKeys;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.id.Ids;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.util.Optional;

/**
 * Revokes an access token (RFC 7009). The client authenticates as a service user (client secret or
 * {@code private_key_jwt} with a machine key); the token must
 * have been issued to that user. A token that is malformed, unknown, already revoked or expired
 * is answered like a revoked one (RFC 7009 §2.2: the client cannot act on the difference).
 * Another client's valid token is refused with {@code unauthorized_client} and left alone: the
 * caller already holds the token, so saying so reveals nothing, while pretending success would
 * hide a client's mistake. A personal access token is {@code unsupported_token_type} (RFC 7009
 * §2.2.1): PATs are removed through the management API.
 */
public final class RevokeTokenService implements RevokeTokenUseCase {

    private final AuthenticateUseCase authenticate;
    private final AccessTokenRepository tokens;
    private final SigningKeys signingKeys;
    private final VerifiedCredentialCache cache;
    private final AuditTrail audit;

    public RevokeTokenService(AuthenticateUseCase authenticate, AccessTokenRepository tokens, SigningKeys signingKeys,
                              VerifiedCredentialCache cache,
                              AuditTrail audit) {
        this.authenticate = authenticate;
        this.tokens = tokens;
        this.signingKeys = signingKeys;
        this.cache = cache;
        this.audit = audit;
    }

    @Override
    public void revoke(RevokeTokenCommand command) {
        String scheme = command.client().scheme();
        if (!CredentialSchemes.CLIENT_SECRET.equals(scheme) && !CredentialSchemes.CLIENT_ASSERTION.equals(scheme)
                || !(authenticate.authenticate(command.client()) instanceof Verification.Verified verified)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_CLIENT, "client authentication failed");
        }
        String presented = command.token();
        if (OpaqueToken.hasPrefix(TokenKind.PERSONAL_ACCESS_TOKEN, presented)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.UNSUPPORTED_TOKEN_TYPE,
                    "personal access tokens are revoked through the management API");
        }
        Optional<AccessToken> token = find(presented);
        if (token.isEmpty()) {
            return;
        }
        if (token.get().userId() != verified.principal().userId()) {
            throw new OAuthRefusal(OAuthRefusal.Kind.UNAUTHORIZED_CLIENT, "the token was issued to another client");
        }
        tokens.revoke(token.get().id());
        cache.invalidateCredential(Long.toString(token.get().id()));
        audit.record(AuditEventType.ACCESS_TOKEN_REVOKED, verified.principal().userId(), token.get().orgId(),
                token.get().userId(), Long.toString(token.get().id()), command.client().clientAddress(), "",
                audit.now());
    }

    /** The stored token the string names, if it is genuinely one (secret or signature checked). */
    private Optional<AccessToken> find(String presented) {
        if (OpaqueToken.hasPrefix(TokenKind.ACCESS_TOKEN, presented)) {
            return OpaqueToken.parse(TokenKind.ACCESS_TOKEN, presented)
                    .flatMap(parsed -> tokens.findById(parsed.id()).filter(t -> t.matches(parsed.secret())));
        }
        if (presented.length() > 8192 || presented.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        return signingKeys.verify(presented)
                .flatMap(claims -> claims.get("jti") instanceof String jti ? Ids.parse(jti) : Optional.empty())
                .flatMap(tokens::findById)
                .filter(t -> t.secretDigest().isEmpty());
    }
}
