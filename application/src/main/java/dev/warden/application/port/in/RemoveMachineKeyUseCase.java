package dev.warden.application.port.in;

/** Driving port: remove a machine key; nothing signed with it is accepted any more. */
public interface RemoveMachineKeyUseCase {
    DetailsResult removeMachineKey(RemoveMachineKeyCommand command);
}
