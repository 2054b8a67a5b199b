package dev.warden.domain.project;

import java.time.Instant;
import java.util.Objects;

/** A project of an organization: the owner of roles and API applications. Names are unique per organization. */
public record Project(long id, long orgId, ProjectSettings settings, ProjectState state, long sequence,
                      Instant createdAt, Instant changedAt) {

    public Project {
        if (id <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    public static Project create(long id, long orgId, ProjectSettings settings, Instant now) {
        return new Project(id, orgId, settings, ProjectState.ACTIVE, 1, now, now);
    }

    public String name() {
        return settings.name();
    }

    public Project withSettings(ProjectSettings newSettings, Instant now) {
        return new Project(id, orgId, newSettings, state, sequence + 1, createdAt, now);
    }

    public Project withState(ProjectState newState, Instant now) {
        return new Project(id, orgId, settings, newState, sequence + 1, createdAt, now);
    }

    public boolean isActive() {
        return state == ProjectState.ACTIVE;
    }
}
