package dev.warden.application.port.in;

import dev.warden.domain.project.Project;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of a list, and when it was read. */
public record ProjectListResult(Page<Project> page, Instant viewedAt) {
    public ProjectListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
