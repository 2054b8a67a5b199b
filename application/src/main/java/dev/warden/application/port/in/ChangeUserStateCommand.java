package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link ChangeUserStateUseCase}. */
public record ChangeUserStateCommand(Caller caller, String userId, Transition transition) {
    /** The user state transitions of the management API. */
    public enum Transition {
        DEACTIVATE, REACTIVATE, LOCK, UNLOCK
    }

    public ChangeUserStateCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(transition, "transition");
    }
}
