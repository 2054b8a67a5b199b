package dev.warden.domain.serviceuser;

/** The state transitions an administrator can apply to a user. */
public enum UserTransition {
    DEACTIVATE, REACTIVATE, LOCK, UNLOCK
}
