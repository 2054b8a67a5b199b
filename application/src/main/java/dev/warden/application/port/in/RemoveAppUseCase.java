package dev.warden.application.port.in;

/** Driving port: Removes an application with its keys. */
public interface RemoveAppUseCase {
    DetailsResult removeApp(RemoveAppCommand command);
}
