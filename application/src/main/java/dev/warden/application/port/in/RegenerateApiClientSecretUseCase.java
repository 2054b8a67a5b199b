package dev.warden.application.port.in;

/** Driving port: Gives an API application a new client secret. */
public interface RegenerateApiClientSecretUseCase {
    GeneratedClientSecretResult regenerateApiClientSecret(RegenerateApiClientSecretCommand command);
}
