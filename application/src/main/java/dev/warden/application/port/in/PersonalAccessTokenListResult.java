package dev.warden.application.port.in;

import dev.warden.domain.query.Page;
import dev.warden.domain.token.PersonalAccessToken;

import java.time.Instant;
import java.util.Objects;

    /** One page of a user's PATs' metadata. */
    public record PersonalAccessTokenListResult(Page<PersonalAccessToken> page, Instant viewedAt) {
        public PersonalAccessTokenListResult {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(viewedAt, "viewedAt");
        }
    }
