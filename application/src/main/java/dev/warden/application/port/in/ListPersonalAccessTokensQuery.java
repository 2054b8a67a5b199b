package dev.warden.application.port.in;

import dev.warden.domain.query.PageRequest;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link ListPersonalAccessTokensUseCase}. */
    public record ListPersonalAccessTokensQuery(Caller caller, String userId, PageRequest page) {
        public ListPersonalAccessTokensQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
        }
    }
