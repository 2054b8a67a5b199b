package dev.warden.domain.serviceuser;

/** Lifecycle of a user. Only an active user's credentials authenticate. */
public enum UserState {
    ACTIVE, INACTIVE, LOCKED, DELETED;

    public boolean canAuthenticate() {
        return this == ACTIVE;
    }
}
