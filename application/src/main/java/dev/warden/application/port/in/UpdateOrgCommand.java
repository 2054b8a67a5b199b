package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link UpdateOrgUseCase}. */
public record UpdateOrgCommand(Caller caller, String name) {
    public UpdateOrgCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
