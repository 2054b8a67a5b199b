package dev.warden.domain.grant;

import dev.warden.domain.query.TextMatch;

import java.util.Objects;

/**
 * One query of a user-grant search; a search ANDs its queries. Name queries compare the user's
 * or the project's name, which the repository joins in.
 */
public sealed interface UserGrantFilter {

    record UserId(long userId) implements UserGrantFilter {
    }

    record ProjectId(long projectId) implements UserGrantFilter {
    }

    /** Some role key of the grant matches. */
    record RoleKey(String text, TextMatch match) implements UserGrantFilter {
        public RoleKey {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record UserName(String text, TextMatch match) implements UserGrantFilter {
        public UserName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record ProjectName(String text, TextMatch match) implements UserGrantFilter {
        public ProjectName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    /** A query no grant of Warden can match (human-only fields, project grants). */
    record Nothing() implements UserGrantFilter {
    }
}
