package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.query.PageRequest;
import java.util.List;
import java.util.Objects;

/** Input of {@link ListUserGrantsUseCase}, ids as the client sent them. */
public record ListUserGrantsQuery(Caller caller, List<UserGrantFilter> filters, PageRequest page) {
    public ListUserGrantsQuery {
        Objects.requireNonNull(caller, "caller");
        filters = filters == null ? List.of() : List.copyOf(filters);
        Objects.requireNonNull(page, "page");
    }
}
