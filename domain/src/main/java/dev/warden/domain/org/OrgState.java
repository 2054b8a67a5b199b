package dev.warden.domain.org;

/** Lifecycle of an organization, named as ZITADEL's {@code OrgState}. */
public enum OrgState {
    ACTIVE, INACTIVE, REMOVED
}
