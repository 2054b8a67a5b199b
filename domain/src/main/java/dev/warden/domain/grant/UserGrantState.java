package dev.warden.domain.grant;

/** ZITADEL's {@code UserGrantState} without UNSPECIFIED. */
public enum UserGrantState {
    ACTIVE, INACTIVE
}
