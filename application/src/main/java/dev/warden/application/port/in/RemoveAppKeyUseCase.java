package dev.warden.application.port.in;

/** Driving port: Removes an application key. */
public interface RemoveAppKeyUseCase {
    DetailsResult removeAppKey(RemoveAppKeyCommand command);
}
