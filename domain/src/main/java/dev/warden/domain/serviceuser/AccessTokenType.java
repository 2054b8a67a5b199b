package dev.warden.domain.serviceuser;

/** Format of the OAuth access tokens a service user receives: opaque bearer strings or JWTs. */
public enum AccessTokenType {
    BEARER, JWT
}
