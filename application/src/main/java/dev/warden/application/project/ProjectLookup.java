package dev.warden.application.project;

import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.id.Ids;
import dev.warden.domain.project.Project;

import java.util.Optional;

/**
 * Finds what a request names by raw ids: only projects (and their apps) of the current
 * organization exist for it; a malformed id names nothing.
 */
public final class ProjectLookup {

    private ProjectLookup() {
    }

    public static Optional<Project> inOrg(ProjectRepository projects, String rawProjectId, long orgId) {
        return Ids.parse(rawProjectId).flatMap(projects::findById).filter(p -> p.orgId() == orgId);
    }

    /** The app with that id, of that project, of the current organization. */
    public static Optional<ApiApp> app(ApiAppRepository apps, String rawProjectId, String rawAppId, long orgId) {
        Optional<Long> projectId = Ids.parse(rawProjectId);
        if (projectId.isEmpty()) {
            return Optional.empty();
        }
        return Ids.parse(rawAppId).flatMap(apps::findById)
                .filter(app -> app.projectId() == projectId.get() && app.orgId() == orgId);
    }

    /** protoc-gen-validate's answer for a string outside 1..max runes. */
    public static String required(String value, int max, String field) {
        String text = value == null ? "" : value;
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > max) {
            throw new InvalidArgumentException(null, "invalid " + field + ": value length must be between 1 and "
                    + max + " runes, inclusive");
        }
        return text;
    }

    /** protoc-gen-validate's answer for a string over max runes. */
    public static String optional(String value, int max, String field) {
        String text = value == null ? "" : value;
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidArgumentException(null, "invalid " + field + ": value length must be at most " + max
                    + " runes");
        }
        return text;
    }
}
