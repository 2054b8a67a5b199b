package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link GenerateMachineSecretUseCase}: the raw user id from the request. */
public record GenerateMachineSecretCommand(Caller caller, String userId) {
    public GenerateMachineSecretCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
