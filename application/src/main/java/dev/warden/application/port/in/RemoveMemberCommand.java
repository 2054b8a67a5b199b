package dev.warden.application.port.in;

import dev.warden.domain.policy.MemberScope;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link RemoveMemberUseCase}. */
    public record RemoveMemberCommand(Caller caller, MemberScope scope, String userId) {
        public RemoveMemberCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
        }
    }
