package dev.warden.application.port.in;

/** Driving port: Renames an application. */
public interface UpdateAppUseCase {
    DetailsResult updateApp(UpdateAppCommand command);
}
