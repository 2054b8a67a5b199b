package dev.warden.application.port.in;

import dev.warden.application.auth.PresentedCredential;

import java.util.Objects;

/** A revocation request (RFC 7009): the client's credential and the token to revoke. */
public record RevokeTokenCommand(PresentedCredential client, String token) {
    public RevokeTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "RevokeTokenCommand[client=" + client + ", token=redacted]";
    }
}
