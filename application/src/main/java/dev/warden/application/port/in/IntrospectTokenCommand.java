package dev.warden.application.port.in;

import dev.warden.application.auth.PresentedCredential;

import java.util.Objects;

/** The calling API application's credential and the token it asks about. */
public record IntrospectTokenCommand(PresentedCredential client, String token) {
    public IntrospectTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IntrospectTokenCommand[client=" + client + ", token=redacted]";
    }
}
