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

    /** A new, active service user with opaque bearer access tokens. */
    public static ServiceUser create(long id, long orgId, String userName, String displayName, Instant now) {
        return new ServiceUser(id, orgId, userName, displayName, "", AccessTokenType.BEARER,
                UserState.ACTIVE, 1, now, now);
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
