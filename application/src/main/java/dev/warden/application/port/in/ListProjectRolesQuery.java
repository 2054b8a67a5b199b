package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.project.RoleFilter;
import dev.warden.domain.query.PageRequest;
import java.util.List;
import java.util.Objects;

/** Input of {@link ListProjectRolesUseCase}, ids as the client sent them. */
public record ListProjectRolesQuery(Caller caller, String projectId, List<RoleFilter> filters, PageRequest page) {
    public ListProjectRolesQuery {
        Objects.requireNonNull(caller, "caller");
        filters = filters == null ? List.of() : List.copyOf(filters);
        Objects.requireNonNull(page, "page");
    }
}
