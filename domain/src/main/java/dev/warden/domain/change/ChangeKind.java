package dev.warden.domain.change;

/** What changed, for the caches of every node: each kind names the id it carries. */
public enum ChangeKind {
    /** A personal access token (or other credential) was revoked; subject = credential id. */
    CREDENTIAL_REVOKED,
    /** A user was changed, deactivated, locked or deleted; subject = user id. */
    USER_CHANGED,
    /** An organization was renamed, deactivated or removed; subject = org id. */
    ORG_CHANGED,
    /** A user's memberships changed; subject = user id. */
    MEMBERSHIP_CHANGED
}
