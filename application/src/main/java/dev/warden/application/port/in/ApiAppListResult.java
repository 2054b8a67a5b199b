package dev.warden.application.port.in;

import dev.warden.domain.app.ApiApp;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of a list, and when it was read. */
public record ApiAppListResult(Page<ApiApp> page, Instant viewedAt) {
    public ApiAppListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
