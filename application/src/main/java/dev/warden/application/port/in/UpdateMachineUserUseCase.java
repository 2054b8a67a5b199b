package dev.warden.application.port.in;

/** Driving port: change a service user's display name, description and token type. */
public interface UpdateMachineUserUseCase {
    UserResult updateMachineUser(UpdateMachineUserCommand command);
}
