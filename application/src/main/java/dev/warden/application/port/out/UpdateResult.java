package dev.warden.application.port.out;

/**
 * What a conditional update of a stored record did. Updates are optimistic: a record read with
 * sequence N and changed once (a domain transition returns sequence N + 1) is stored only if the
 * stored record still has sequence N, so that two writers who read the same record cannot silently
 * undo each other. Anything but {@link #UPDATED} stored nothing and wrote nothing to the change feed.
 */
public enum UpdateResult {
    /** Stored, with the change-feed entry in the same transaction. */
    UPDATED,
    /** Someone changed the record since it was read (its stored sequence is no longer {@code new - 1}). */
    CONFLICT,
    /** The new (case-insensitive) name belongs to another record. Only for records with unique names. */
    DUPLICATE_NAME,
    /** There is no such record (any more). */
    NOT_FOUND
}
