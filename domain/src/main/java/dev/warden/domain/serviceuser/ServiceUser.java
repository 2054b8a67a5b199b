package dev.warden.domain.serviceuser;

import java.time.Instant;
import java.util.Objects;

/** A machine account: the principal behind personal access tokens, secrets and keys. */
public record ServiceUser(long id, long orgId, String userName, String displayName, String description,
                          AccessTokenType accessTokenType, UserState state,
                          long sequence, Instant createdAt, Instant changedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    public ServiceUser {
        if (id <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("user and organization ids must be positive");
        }
        userName = requireText("user name", userName, MAX_NAME_LENGTH);
        displayName = requireText("display name", displayName, MAX_NAME_LENGTH);
        description = description == null ? "" : description;
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must be at most 500 characters");
        }
        Objects.requireNonNull(accessTokenType, "accessTokenType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** A new, active service user. */
    public static ServiceUser create(long id, long orgId, String userName, String displayName, String description,
                                     AccessTokenType accessTokenType, Instant now) {
        return new ServiceUser(id, orgId, userName, displayName, description, accessTokenType, UserState.ACTIVE, 1,
                now, now);
    }

    /** A new, active service user with opaque bearer access tokens. */
    public static ServiceUser create(long id, long orgId, String userName, String displayName, Instant now) {
        return new ServiceUser(id, orgId, userName, displayName, "", AccessTokenType.BEARER,
                UserState.ACTIVE, 1, now, now);
    }

    /** The same user with a new display name, description and token type, one change later. */
    public ServiceUser withProfile(String newDisplayName, String newDescription, AccessTokenType newType, Instant now) {
        return new ServiceUser(id, orgId, userName, newDisplayName, newDescription, newType, state, sequence + 1,
                createdAt, now);
    }

    /** The same user under a new user name, one change later. */
    public ServiceUser withUserName(String newUserName, Instant now) {
        return new ServiceUser(id, orgId, newUserName, displayName, description, accessTokenType, state,
                sequence + 1, createdAt, now);
    }

    /** The same user in another state, one change later. */
    public ServiceUser withState(UserState newState, Instant now) {
        return new ServiceUser(id, orgId, userName, displayName, description, accessTokenType, newState,
                sequence + 1, createdAt, now);
    }

    public boolean canAuthenticate() {
        return state.canAuthenticate();
    }

    private static String requireText(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters");
        }
        return trimmed;
    }
}
