package dev.warden.application.port.in;

/** Driving port: create a service user in the current organization ({@code POST /management/v1/users/machine}). */
public interface AddMachineUserUseCase {
    UserResult addMachineUser(AddMachineUserCommand command);
}
