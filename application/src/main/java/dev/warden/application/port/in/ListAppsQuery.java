package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.query.PageRequest;
import java.util.List;
import java.util.Objects;

/** Input of {@link ListAppsUseCase}, ids as the client sent them. */
public record ListAppsQuery(Caller caller, String projectId, List<AppFilter> filters, PageRequest page) {
    public ListAppsQuery {
        Objects.requireNonNull(caller, "caller");
        filters = filters == null ? List.of() : List.copyOf(filters);
        Objects.requireNonNull(page, "page");
    }
}
