package dev.warden.application.port.in;

import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of a list, and when it was read. */
public record ProjectRoleListResult(Page<ProjectRole> page, Instant viewedAt) {
    public ProjectRoleListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
