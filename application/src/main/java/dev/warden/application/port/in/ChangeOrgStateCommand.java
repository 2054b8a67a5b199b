package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link ChangeOrgStateUseCase}: {@code active} false deactivates, true reactivates. */
public record ChangeOrgStateCommand(Caller caller, boolean active) {
    public ChangeOrgStateCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
