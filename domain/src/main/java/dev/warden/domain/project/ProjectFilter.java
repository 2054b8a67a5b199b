package dev.warden.domain.project;

import dev.warden.domain.query.TextMatch;

import java.util.Objects;

/** One query of a project search; a search ANDs its queries. */
public sealed interface ProjectFilter {

    boolean matches(Project project);

    /** {@code nameQuery}. */
    record Name(String text, TextMatch match) implements ProjectFilter {
        public Name {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }

        @Override
        public boolean matches(Project project) {
            return match.matches(project.name(), text);
        }
    }

    /** {@code projectResourceOwnerQuery}: the owning organization. */
    record ResourceOwner(long orgId) implements ProjectFilter {
        @Override
        public boolean matches(Project project) {
            return project.orgId() == orgId;
        }
    }
}
