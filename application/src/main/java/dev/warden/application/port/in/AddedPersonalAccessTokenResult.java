package dev.warden.application.port.in;

import dev.warden.domain.token.PersonalAccessToken;

import java.util.Objects;

/** A new PAT: its metadata and the token string, shown to the client once and never again. */
public record AddedPersonalAccessTokenResult(PersonalAccessToken token, String tokenString) {
    public AddedPersonalAccessTokenResult {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenString, "tokenString");
    }

    @Override
    public String toString() {
        return "AddedPersonalAccessTokenResult[" + token.id() + ", token=redacted]";
    }
}
