package dev.warden.application.oauth;

import dev.warden.domain.oauth.AssertionRules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The OAuth settings every OAuth use case and verifier shares: the issuer (the external URL,
 * never a request's Host header), the endpoint URLs, token lifetimes and the assertion rules.
 */
public record OAuthSettings(String issuer, Duration accessTokenLifetime, Duration idTokenLifetime,
                            Duration assertionMaxLifetime, Duration clockSkew) {

    public static final String TOKEN_PATH = "/oauth/v2/token";
    public static final String INTROSPECTION_PATH = "/oauth/v2/introspect";
    public static final String REVOCATION_PATH = "/oauth/v2/revoke";
    public static final String JWKS_PATH = "/oauth/v2/keys";
    public static final String USERINFO_PATH = "/oidc/v1/userinfo";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    public OAuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.isEmpty() || issuer.endsWith("/")) {
            throw new IllegalArgumentException("issuer must be a URL without a trailing slash");
        }
        requirePositive(accessTokenLifetime, "access token lifetime");
        requirePositive(idTokenLifetime, "id token lifetime");
        requirePositive(assertionMaxLifetime, "assertion lifetime");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    public String url(String path) {
        return issuer + path;
    }

    /** The checks every assertion passes; {@code aud} may be the issuer or one of its endpoint URLs. */
    public AssertionRules assertionRules() {
        return AssertionRules.forIssuer(issuer, List.of(url(TOKEN_PATH), url(INTROSPECTION_PATH),
                url(REVOCATION_PATH)), assertionMaxLifetime, clockSkew);
    }
}
