package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link AddOrgUseCase}; the name raw, validated by the service. */
public record AddOrgCommand(Caller caller, String name) {
    public AddOrgCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
