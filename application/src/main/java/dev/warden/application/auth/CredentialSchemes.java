package dev.warden.application.auth;

/**
 * The schemes of the built-in credentials. A verifier answers only for its scheme; the HTTP
 * adapter decides which scheme a request presents.
 */
public final class CredentialSchemes {

    /** {@code Authorization: Bearer <token>}: PATs and access tokens; value = the token. */
    public static final String BEARER = "Bearer";
    /** A client id and secret (HTTP Basic or form fields); value = secret, clientId = client id. */
    public static final String CLIENT_SECRET = "client_secret";
    /** RFC 7523 authorization grant: a service user's JWT-profile assertion; value = the JWT. */
    public static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** RFC 7523 client authentication ({@code private_key_jwt}); value = the JWT. */
    public static final String CLIENT_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** An API application's client id and secret (introspection callers); value = secret, clientId = client id. */
    public static final String API_CLIENT_SECRET = "api_client_secret";
    /** An API application's {@code private_key_jwt} client assertion (introspection callers); value = the JWT. */
    public static final String API_CLIENT_ASSERTION = "api_client_assertion";

    private CredentialSchemes() {
    }
}
