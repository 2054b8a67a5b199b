package dev.warden.application.port.in;

import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.query.PageRequest;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link ListOrgsUseCase}. */
    public record ListOrgsQuery(Caller caller, OrgFilter filter, PageRequest page) {
        public ListOrgsQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }
