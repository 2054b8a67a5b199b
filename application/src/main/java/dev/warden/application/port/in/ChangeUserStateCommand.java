package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.serviceuser.UserTransition;

import java.util.Objects;

/** Input of {@link ChangeUserStateUseCase}. */
public record ChangeUserStateCommand(Caller caller, String userId, UserTransition transition) {
    public ChangeUserStateCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(transition, "transition");
    }
}
