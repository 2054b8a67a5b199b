package dev.warden.domain.project;

import java.time.Instant;
import java.util.Objects;

/**
 * A role of a project: a case-sensitive key (unique per project, immutable), a display name and an
 * optional group. The key is what token role claims carry.
 */
public record ProjectRole(long projectId, long orgId, String key, String displayName, String group, long sequence,
                          Instant createdAt, Instant changedAt) {

    public static final int MAX_LENGTH = 200;

    public ProjectRole {
        if (projectId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (key.isEmpty() || length(key) > MAX_LENGTH) {
            throw new IllegalArgumentException("role key must have 1 to " + MAX_LENGTH + " characters");
        }
        if (displayName.isEmpty() || length(displayName) > MAX_LENGTH) {
            throw new IllegalArgumentException("display name must have 1 to " + MAX_LENGTH + " characters");
        }
        if (length(group) > MAX_LENGTH) {
            throw new IllegalArgumentException("group must have at most " + MAX_LENGTH + " characters");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    public static ProjectRole create(long projectId, long orgId, String key, String displayName, String group,
                                     Instant now) {
        return new ProjectRole(projectId, orgId, key, displayName, group == null ? "" : group, 1, now, now);
    }

    public ProjectRole withDisplay(String newDisplayName, String newGroup, Instant now) {
        return new ProjectRole(projectId, orgId, key, newDisplayName, newGroup == null ? "" : newGroup,
                sequence + 1, createdAt, now);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
