package dev.warden.application.port.in;

import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link UpdateMachineUserUseCase}; raw values, validated by the service. */
    public record UpdateMachineUserCommand(Caller caller, String userId, String name, String description, AccessTokenType accessTokenType) {
        public UpdateMachineUserCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
