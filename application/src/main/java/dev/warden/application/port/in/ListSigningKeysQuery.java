package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Who asks for the list of signing keys. */
public record ListSigningKeysQuery(Caller caller) {
    public ListSigningKeysQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
