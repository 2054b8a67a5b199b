package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.GetOpenIdConfigurationUseCase;
import dev.warden.application.port.in.OpenIdConfigurationResult;

import java.util.List;
import java.util.Objects;

/**
 * The discovery document: only what Warden serves. No authorization, end-session or device
 * endpoints (service users do not use browser flows), so none are announced. Claims: those of
 * access tokens, introspection and userinfo with fixed names (role claims are named by project).
 */
public final class GetOpenIdConfigurationService implements GetOpenIdConfigurationUseCase {

    static final List<String> RS256 = List.of("RS256");
    static final List<String> CLIENT_AUTH = List.of("client_secret_basic", "client_secret_post", "private_key_jwt");

    private final OpenIdConfigurationResult document;

    public GetOpenIdConfigurationService(OAuthSettings settings) {
        this(settings, RS256);
    }

    /**
     * @param tokenSigningAlgorithms what Warden's id tokens and JWT access tokens may be signed with
     *                               (the configured algorithm first; keys of an earlier one stay
     *                               published until they retire)
     */
    public GetOpenIdConfigurationService(OAuthSettings settings, List<String> tokenSigningAlgorithms) {
        Objects.requireNonNull(settings, "settings");
        if (tokenSigningAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one token signing algorithm");
        }
        this.document = new OpenIdConfigurationResult(
                settings.issuer(),
                settings.url(OAuthSettings.TOKEN_PATH),
                settings.url(OAuthSettings.INTROSPECTION_PATH),
                settings.url(OAuthSettings.REVOCATION_PATH),
                settings.url(OAuthSettings.USERINFO_PATH),
                settings.url(OAuthSettings.JWKS_PATH),
                List.of("openid", "profile"),
                // Required by OIDC Discovery, but there is no authorization endpoint: "none" (OAuth 2.0
                // Multiple Response Types §5) is the one value that promises no code and no token.
                List.of("none"),
                List.of("client_credentials", CredentialSchemes.JWT_BEARER_GRANT),
                List.of("public"),
                List.copyOf(tokenSigningAlgorithms),
                CLIENT_AUTH,
                RS256,
                List.of("client_secret_basic", "private_key_jwt"),
                RS256,
                CLIENT_AUTH,
                RS256,
                List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id",
                        "preferred_username", "name", "updated_at", "urn:zitadel:iam:user:resourceowner:id",
                        "urn:zitadel:iam:user:resourceowner:name",
                        "urn:zitadel:iam:user:resourceowner:primary_domain"));
    }

    @Override
    public OpenIdConfigurationResult getOpenIdConfiguration() {
        return document;
    }
}
