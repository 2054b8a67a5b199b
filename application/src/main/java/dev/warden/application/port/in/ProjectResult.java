package dev.warden.application.port.in;

import dev.warden.domain.project.Project;

import java.util.Objects;

/** A project. */
public record ProjectResult(Project project) {
    public ProjectResult {
        Objects.requireNonNull(project, "project");
    }
}
