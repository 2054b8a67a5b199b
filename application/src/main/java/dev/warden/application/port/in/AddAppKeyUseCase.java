package dev.warden.application.port.in;

/** Driving port: Generates a key pair for an application and returns the key file once. */
public interface AddAppKeyUseCase {
    AddedAppKeyResult addAppKey(AddAppKeyCommand command);
}
