package dev.warden.application.port.in;

import dev.warden.domain.app.AppKey;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of a list, and when it was read. */
public record AppKeyListResult(Page<AppKey> page, Instant viewedAt) {
    public AppKeyListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
