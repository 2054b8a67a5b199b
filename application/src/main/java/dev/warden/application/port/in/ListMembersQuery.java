package dev.warden.application.port.in;

import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.PageRequest;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link ListMembersUseCase}: members of the current organization (ORG) or of the instance (IAM). */
    public record ListMembersQuery(Caller caller, MemberScope scope, MemberFilter filter, PageRequest page) {
        public ListMembersQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }
