package dev.warden.domain.app;

/** ZITADEL's {@code AppState} without UNSPECIFIED. */
public enum AppState {
    ACTIVE, INACTIVE
}
