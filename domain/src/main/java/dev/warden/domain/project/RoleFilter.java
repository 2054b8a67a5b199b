package dev.warden.domain.project;

import dev.warden.domain.query.TextMatch;

import java.util.Objects;

/** One query of a project-role search; a search ANDs its queries. */
public sealed interface RoleFilter {

    boolean matches(ProjectRole role);

    /** {@code keyQuery}. */
    record Key(String text, TextMatch match) implements RoleFilter {
        public Key {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }

        @Override
        public boolean matches(ProjectRole role) {
            return match.matches(role.key(), text);
        }
    }

    /** {@code displayNameQuery}. */
    record DisplayName(String text, TextMatch match) implements RoleFilter {
        public DisplayName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }

        @Override
        public boolean matches(ProjectRole role) {
            return match.matches(role.displayName(), text);
        }
    }
}
