package dev.warden.application.port.in;

/** Driving port: Changes an API application's authentication method. */
public interface UpdateApiAppConfigUseCase {
    DetailsResult updateApiAppConfig(UpdateApiAppConfigCommand command);
}
