package dev.warden.domain.app;

/** ZITADEL's {@code APIAuthMethodType}, in wire order: BASIC is 0, the default. */
public enum ApiAuthMethod {
    BASIC, PRIVATE_KEY_JWT
}
