package dev.warden.application.port.in;

/** Driving port: take a machine user's client secret away; it no longer authenticates. */
public interface RemoveMachineSecretUseCase {
    DetailsResult removeMachineSecret(RemoveMachineSecretCommand command);
}
