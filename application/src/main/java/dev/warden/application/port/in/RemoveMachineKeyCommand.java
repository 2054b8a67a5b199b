package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link RemoveMachineKeyUseCase}. */
public record RemoveMachineKeyCommand(Caller caller, String userId, String keyId) {
    public RemoveMachineKeyCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
