package dev.warden.application.port.in;

import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of user grants with their names, and when it was read. */
public record UserGrantListResult(Page<UserGrantResult> page, Instant viewedAt) {
    public UserGrantListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
