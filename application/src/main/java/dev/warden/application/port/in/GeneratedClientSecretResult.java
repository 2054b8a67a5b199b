package dev.warden.application.port.in;

import java.util.Objects;

/** A new client secret of an API application in plain text (shown once) and the write's details. */
public record GeneratedClientSecretResult(String clientSecret, DetailsResult details) {
    public GeneratedClientSecretResult {
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(details, "details");
    }

    @Override
    public String toString() {
        return "GeneratedClientSecretResult[clientSecret=redacted, details=" + details + "]";
    }
}
