package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.query.PageRequest;
import java.util.List;
import java.util.Objects;

/** Input of {@link ListProjectsUseCase}, ids as the client sent them. */
public record ListProjectsQuery(Caller caller, List<ProjectFilter> filters, PageRequest page) {
    public ListProjectsQuery {
        Objects.requireNonNull(caller, "caller");
        filters = filters == null ? List.of() : List.copyOf(filters);
        Objects.requireNonNull(page, "page");
    }
}
