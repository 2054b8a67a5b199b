package dev.warden.application.port.in;

/** Driving port: give a machine user a new client secret, replacing any previous one; shown once. */
public interface GenerateMachineSecretUseCase {
    GeneratedMachineSecretResult generateMachineSecret(GenerateMachineSecretCommand command);
}
