package dev.warden.domain.project;

/** ZITADEL's {@code ProjectState} without UNSPECIFIED: a stored project is active or inactive. */
public enum ProjectState {
    ACTIVE, INACTIVE
}
