package dev.warden.application.port.in;

import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link ListUsersUseCase}. */
    public record ListUsersQuery(Caller caller, UserFilter filter, UserSort sort, PageRequest page) {
        public ListUsersQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(page, "page");
        }
    }
