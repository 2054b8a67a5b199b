package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link RemoveMachineSecretUseCase}: the raw user id from the request. */
public record RemoveMachineSecretCommand(Caller caller, String userId) {
    public RemoveMachineSecretCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
