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
    MEMBERSHIP_CHANGED,
    /** An API application, its project, secret or keys changed; subject = app id (0 = every app of a project). */
    CLIENT_CHANGED,
    /** A user's grants (project roles) changed; subject = user id (0 = every user: a role or project went). */
    GRANTS_CHANGED,
    /** The signing keys changed (rotation); subject = the new key id. */
    SIGNING_KEYS_CHANGED
}
