package dev.warden.domain.key;

/**
 * ZITADEL's {@code zitadel.authn.v1.KeyType} without its zero value: a request that names no type
 * (or {@code KEY_TYPE_UNSPECIFIED}) has none, and is refused.
 */
public enum KeyType {
    /** The key file is JSON ({@code KEY_TYPE_JSON}, 1): the only type ZITADEL defines. */
    JSON
}
