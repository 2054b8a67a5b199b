package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Who asks for a signing key rotation. */
public record RotateSigningKeyCommand(Caller caller) {
    public RotateSigningKeyCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
