package dev.warden.application.port.in;

/** Driving port: a user's machine keys' metadata. */
public interface ListMachineKeysUseCase {
    MachineKeyListResult listMachineKeys(ListMachineKeysQuery query);
}
