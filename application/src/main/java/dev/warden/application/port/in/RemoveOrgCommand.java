package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link RemoveOrgUseCase}: removes the current organization. */
public record RemoveOrgCommand(Caller caller) {
    public RemoveOrgCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
