package dev.warden.application.serviceuser;

import dev.warden.application.error.PreconditionFailedException;

/**
 * ZITADEL's answers of the client-secret commands (contract §6.1): both are preconditions, 400,
 * not look-ups, in {@code internal/command/user_machine_secret.go}.
 */
public final class MachineSecrets {

    private MachineSecrets() {
    }

    /** The user is unknown, malformed, or not in the current organization. */
    public static PreconditionFailedException userNotExisting() {
        return new PreconditionFailedException("COMMAND-x7s802", "Errors.User.NotExisting");
    }

    /** The user has no secret to remove. */
    public static PreconditionFailedException secretNotExisting() {
        return new PreconditionFailedException("COMMAND-coi82n", "Secret doesn't exist");
    }
}
