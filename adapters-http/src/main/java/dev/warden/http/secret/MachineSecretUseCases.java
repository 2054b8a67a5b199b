package dev.warden.http.secret;

import dev.warden.application.port.in.GenerateMachineSecretUseCase;
import dev.warden.application.port.in.RemoveMachineSecretUseCase;

import java.util.Objects;

/** The client-secret use cases behind the secret routes. */
public record MachineSecretUseCases(GenerateMachineSecretUseCase generate, RemoveMachineSecretUseCase remove) {
    public MachineSecretUseCases {
        Objects.requireNonNull(generate, "generate");
        Objects.requireNonNull(remove, "remove");
    }
}
