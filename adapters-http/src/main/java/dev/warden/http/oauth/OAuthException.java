package dev.warden.http.oauth;

import java.util.Objects;

/**
 * Thrown inside an OAuth endpoint to answer with an {@link OAuthError}; {@link OAuthResponses#handler}
 * turns it into the response. No stack trace: it is an answer, not a failure.
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;

    public OAuthException(OAuthError error) {
        super(error.error() + ": " + error.description(), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public OAuthError error() {
        return error;
    }
}
