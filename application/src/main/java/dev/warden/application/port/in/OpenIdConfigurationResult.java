package dev.warden.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What Warden really supports, as OpenID Connect Discovery 1.0 §3 describes a provider: the
 * issuer (from configuration), its endpoint URLs and the supported values.
 */
public record OpenIdConfigurationResult(
        String issuer,
        String tokenEndpoint,
        String introspectionEndpoint,
        String revocationEndpoint,
        String userinfoEndpoint,
        String jwksUri,
        List<String> scopesSupported,
        List<String> responseTypesSupported,
        List<String> grantTypesSupported,
        List<String> subjectTypesSupported,
        List<String> idTokenSigningAlgValuesSupported,
        List<String> tokenEndpointAuthMethodsSupported,
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        List<String> introspectionEndpointAuthMethodsSupported,
        List<String> introspectionEndpointAuthSigningAlgValuesSupported,
        List<String> revocationEndpointAuthMethodsSupported,
        List<String> revocationEndpointAuthSigningAlgValuesSupported,
        List<String> claimsSupported) {

    public OpenIdConfigurationResult {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(introspectionEndpoint, "introspectionEndpoint");
        Objects.requireNonNull(revocationEndpoint, "revocationEndpoint");
        Objects.requireNonNull(userinfoEndpoint, "userinfoEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        scopesSupported = List.copyOf(scopesSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        subjectTypesSupported = List.copyOf(subjectTypesSupported);
        idTokenSigningAlgValuesSupported = List.copyOf(idTokenSigningAlgValuesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        tokenEndpointAuthSigningAlgValuesSupported = List.copyOf(tokenEndpointAuthSigningAlgValuesSupported);
        introspectionEndpointAuthMethodsSupported = List.copyOf(introspectionEndpointAuthMethodsSupported);
        introspectionEndpointAuthSigningAlgValuesSupported = List.copyOf(introspectionEndpointAuthSigningAlgValuesSupported);
        revocationEndpointAuthMethodsSupported = List.copyOf(revocationEndpointAuthMethodsSupported);
        revocationEndpointAuthSigningAlgValuesSupported = List.copyOf(revocationEndpointAuthSigningAlgValuesSupported);
        claimsSupported = List.copyOf(claimsSupported);
    }
}
