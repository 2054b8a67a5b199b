package dev.warden.domain.org;

import dev.warden.domain.query.TextMatch;

import java.util.Objects;

/** ZITADEL's admin org {@code SearchQuery}: by name, domain, state or id (ANDed). */
public sealed interface OrgFilter {

    record All() implements OrgFilter {
    }

    record Name(String text, TextMatch match) implements OrgFilter {
        public Name {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record Domain(String text, TextMatch match) implements OrgFilter {
        public Domain {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(match, "match");
        }
    }

    record State(OrgState state) implements OrgFilter {
        public State {
            Objects.requireNonNull(state, "state");
        }
    }

    record Id(long id) implements OrgFilter {
    }

    record And(java.util.List<OrgFilter> filters) implements OrgFilter {
        public And {
            filters = java.util.List.copyOf(filters);
        }
    }

    default boolean matches(Organization org) {
        return switch (this) {
            case All a -> true;
            case Name q -> q.match().matches(org.name(), q.text());
            case Domain q -> q.match().matches(org.primaryDomain(), q.text());
            case State q -> org.state() == q.state();
            case Id q -> org.id() == q.id();
            case And q -> q.filters().stream().allMatch(f -> f.matches(org));
        };
    }
}
