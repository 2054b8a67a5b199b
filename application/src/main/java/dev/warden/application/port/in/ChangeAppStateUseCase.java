package dev.warden.application.port.in;

/** Driving port: Deactivates or reactivates an application. */
public interface ChangeAppStateUseCase {
    DetailsResult changeAppState(ChangeAppStateCommand command);
}
