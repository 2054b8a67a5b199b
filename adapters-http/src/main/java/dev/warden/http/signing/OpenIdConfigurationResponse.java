package dev.warden.http.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.warden.application.port.in.OpenIdConfigurationResult;

import java.util.List;

/** The discovery document, with the member names of OpenID Connect Discovery 1.0 §3 and RFC 8414. */
@JsonPropertyOrder({"issuer", "token_endpoint", "introspection_endpoint", "revocation_endpoint", "userinfo_endpoint",
        "jwks_uri"})
record OpenIdConfigurationResponse(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("introspection_endpoint") String introspectionEndpoint,
        @JsonProperty("revocation_endpoint") String revocationEndpoint,
        @JsonProperty("userinfo_endpoint") String userinfoEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("token_endpoint_auth_signing_alg_values_supported")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("introspection_endpoint_auth_methods_supported")
        List<String> introspectionEndpointAuthMethodsSupported,
        @JsonProperty("introspection_endpoint_auth_signing_alg_values_supported")
        List<String> introspectionEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("revocation_endpoint_auth_methods_supported") List<String> revocationEndpointAuthMethodsSupported,
        @JsonProperty("revocation_endpoint_auth_signing_alg_values_supported")
        List<String> revocationEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("claims_supported") List<String> claimsSupported) {

    static OpenIdConfigurationResponse from(OpenIdConfigurationResult r) {
        return new OpenIdConfigurationResponse(r.issuer(), r.tokenEndpoint(), r.introspectionEndpoint(),
                r.revocationEndpoint(), r.userinfoEndpoint(), r.jwksUri(), r.scopesSupported(), r.responseTypesSupported(),
                r.grantTypesSupported(), r.subjectTypesSupported(), r.idTokenSigningAlgValuesSupported(),
                r.tokenEndpointAuthMethodsSupported(), r.tokenEndpointAuthSigningAlgValuesSupported(),
                r.introspectionEndpointAuthMethodsSupported(), r.introspectionEndpointAuthSigningAlgValuesSupported(),
                r.revocationEndpointAuthMethodsSupported(), r.revocationEndpointAuthSigningAlgValuesSupported(),
                r.claimsSupported());
    }
}
