package dev.warden.application.port.in;

/** Driving port: delete a user with its tokens and memberships. */
public interface RemoveUserUseCase {
    DetailsResult removeUser(RemoveUserCommand command);
}
