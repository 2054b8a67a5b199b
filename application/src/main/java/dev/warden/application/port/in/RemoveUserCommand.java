package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link RemoveUserUseCase}. */
public record RemoveUserCommand(Caller caller, String userId) {
    public RemoveUserCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
