package dev.warden.domain.policy;

/** Outcome of a permission check, distinguishing "no membership at all" as ZITADEL does. */
public enum AccessDecision {
    GRANTED, NO_MEMBERSHIP, DENIED
}
