package dev.warden.application.port.in;

import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.application.authz.Caller;

    import java.util.Objects;

    /** Input of {@link AddMachineUserUseCase}; {@code userId} is an optional caller-chosen id (decimal), null for a generated one; raw values, validated by the service. */
    public record AddMachineUserCommand(Caller caller, String userName, String name, String description, AccessTokenType accessTokenType, String userId) {
        public AddMachineUserCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
