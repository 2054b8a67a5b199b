package dev.warden.application.port.in;

/**
 * Driving port: add a machine key (JWT-profile key) to a service user, with the caller's public key
 * or with a key pair generated here, whose key file is returned only in this answer.
 */
public interface AddMachineKeyUseCase {
    AddedMachineKeyResult addMachineKey(AddMachineKeyCommand command);
}
