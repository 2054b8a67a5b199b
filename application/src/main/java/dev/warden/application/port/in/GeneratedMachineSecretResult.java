package dev.warden.application.port.in;

import java.util.Objects;

/**
 * A new client secret: the client id to present it with (the user's preferred login name), the
 * secret, shown to the client once and never again, and the details of the write.
 */
public record GeneratedMachineSecretResult(String clientId, String clientSecret, DetailsResult details) {
    public GeneratedMachineSecretResult {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(details, "details");
    }

    @Override
    public String toString() {
        return "GeneratedMachineSecretResult[clientId=" + clientId + ", clientSecret=redacted, details=" + details + "]";
    }
}
