package dev.warden.http.key;

import dev.warden.application.port.in.AddMachineKeyUseCase;
import dev.warden.application.port.in.GetMachineKeyUseCase;
import dev.warden.application.port.in.ListMachineKeysUseCase;
import dev.warden.application.port.in.RemoveMachineKeyUseCase;

import java.util.Objects;

/** The machine-key use cases behind the key routes. */
public record MachineKeyUseCases(AddMachineKeyUseCase add, GetMachineKeyUseCase get, ListMachineKeysUseCase list,
                                 RemoveMachineKeyUseCase remove) {
    public MachineKeyUseCases {
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(remove, "remove");
    }
}
