package dev.warden.application.port.in;

/** Driving port: one machine key's metadata. */
public interface GetMachineKeyUseCase {
    MachineKeyResult getMachineKey(GetMachineKeyQuery query);
}
