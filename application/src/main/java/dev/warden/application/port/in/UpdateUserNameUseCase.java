package dev.warden.application.port.in;

/** Driving port: change a user's user name. */
public interface UpdateUserNameUseCase {
    UserResult updateUserName(UpdateUserNameCommand command);
}
