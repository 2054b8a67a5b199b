package dev.warden.domain.query;

import java.util.Locale;

/** ZITADEL's {@code TextQueryMethod}: how a text query compares. */
public enum TextMatch {
    EQUALS, EQUALS_IGNORE_CASE, STARTS_WITH, STARTS_WITH_IGNORE_CASE, CONTAINS, CONTAINS_IGNORE_CASE,
    ENDS_WITH, ENDS_WITH_IGNORE_CASE;

    public boolean ignoresCase() {
        return name().endsWith("IGNORE_CASE");
    }

    /** Reference semantics, used by in-memory implementations and tests. */
    public boolean matches(String value, String query) {
        String v = ignoresCase() ? value.toLowerCase(Locale.ROOT) : value;
        String q = ignoresCase() ? query.toLowerCase(Locale.ROOT) : query;
        return switch (this) {
            case EQUALS, EQUALS_IGNORE_CASE -> v.equals(q);
            case STARTS_WITH, STARTS_WITH_IGNORE_CASE -> v.startsWith(q);
            case CONTAINS, CONTAINS_IGNORE_CASE -> v.contains(q);
            case ENDS_WITH, ENDS_WITH_IGNORE_CASE -> v.endsWith(q);
        };
    }
}
