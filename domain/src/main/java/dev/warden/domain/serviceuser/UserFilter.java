package dev.warden.domain.serviceuser;

import dev.warden.domain.query.TextMatch;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ZITADEL's user {@code SearchQuery} as a pure value: what a user list is filtered by. Queries on
 * human-only fields (first name, email, …) match no service user.
 */
public sealed interface UserFilter {

    /** Matches every user. */
    record All() implements UserFilter {
    }

    record UserName(String text, TextMatch match) implements UserFilter {
        public UserName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record DisplayName(String text, TextMatch match) implements UserFilter {
        public DisplayName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    /** Login names equal user names under the default domain policy. */
    record LoginName(String text, TextMatch match) implements UserFilter {
        public LoginName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record State(UserState state) implements UserFilter {
        public State {
            Objects.requireNonNull(state, "state");
        }
    }

    /** {@code TYPE_MACHINE} matches every user here; {@code TYPE_HUMAN} none. */
    record Machine(boolean machine) implements UserFilter {
    }

    record InIds(Set<Long> ids) implements UserFilter {
        public InIds {
            ids = Set.copyOf(ids);
        }
    }

    /** A query on a field service users do not have: matches nothing. */
    record Nothing() implements UserFilter {
    }

    record And(List<UserFilter> filters) implements UserFilter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    record Or(List<UserFilter> filters) implements UserFilter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    record Not(UserFilter filter) implements UserFilter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Reference semantics, used by in-memory implementations and tests. */
    default boolean matches(ServiceUser user) {
        return switch (this) {
            case All a -> true;
            case UserName q -> q.match().matches(user.userName(), q.text());
            case DisplayName q -> q.match().matches(user.displayName(), q.text());
            case LoginName q -> q.match().matches(user.userName(), q.text());
            case State q -> user.state() == q.state();
            case Machine q -> q.machine();
            case InIds q -> q.ids().contains(user.id());
            case Nothing n -> false;
            case And q -> q.filters().stream().allMatch(f -> f.matches(user));
            case Or q -> q.filters().stream().anyMatch(f -> f.matches(user));
            case Not q -> !q.filter().matches(user);
        };
    }
}
