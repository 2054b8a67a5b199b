package dev.warden.application.port.in;

/** Driving port: deactivate, reactivate, lock or unlock a user; suspends or restores its credentials. */
public interface ChangeUserStateUseCase {
    DetailsResult changeUserState(ChangeUserStateCommand command);
}
