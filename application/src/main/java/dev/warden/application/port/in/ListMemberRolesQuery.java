package dev.warden.application.port.in;

import dev.warden.domain.policy.MemberScope;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link ListMemberRolesUseCase}. */
    public record ListMemberRolesQuery(Caller caller, MemberScope scope) {
        public ListMemberRolesQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
        }
    }
