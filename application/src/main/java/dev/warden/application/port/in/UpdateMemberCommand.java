package dev.warden.application.port.in;

import dev.warden.domain.policy.MemberScope;

import java.util.List;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link UpdateMemberUseCase}; role names raw, validated by the service. */
    public record UpdateMemberCommand(Caller caller, MemberScope scope, String userId, List<String> roles) {
        public UpdateMemberCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
