package dev.warden.domain.app;

import dev.warden.domain.query.TextMatch;

import java.util.Objects;

/** One query of an app search ({@code nameQuery}); a search ANDs its queries. */
public record AppFilter(String name, TextMatch match) {
    public AppFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
    }

    public boolean matches(ApiApp app) {
        return match.matches(app.name(), name);
    }
}
