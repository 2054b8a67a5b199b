package dev.warden.application.port.in;

import dev.warden.domain.token.PersonalAccessToken;

import java.util.Objects;

    /** A PAT's metadata; never the token itself. */
    public record PersonalAccessTokenResult(PersonalAccessToken token) {
        public PersonalAccessTokenResult {
            Objects.requireNonNull(token, "token");
        }
    }
