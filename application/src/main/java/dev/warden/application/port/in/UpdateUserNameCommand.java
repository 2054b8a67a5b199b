package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link UpdateUserNameUseCase}. */
public record UpdateUserNameCommand(Caller caller, String userId, String userName) {
    public UpdateUserNameCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
