package dev.warden.application.port.in;

/** Driving port: Adds an API application to a project. */
public interface AddApiAppUseCase {
    AddedApiAppResult addApiApp(AddApiAppCommand command);
}
