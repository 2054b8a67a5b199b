package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link GetMachineKeyUseCase}. */
public record GetMachineKeyQuery(Caller caller, String userId, String keyId) {
    public GetMachineKeyQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
