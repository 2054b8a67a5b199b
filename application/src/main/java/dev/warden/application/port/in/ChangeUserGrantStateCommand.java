package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.grant.UserGrantState;
import java.util.Objects;

/** Input of {@link ChangeUserGrantStateUseCase}, ids as the client sent them. */
public record ChangeUserGrantStateCommand(Caller caller, String grantId, UserGrantState target) {
    public ChangeUserGrantStateCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(target, "target");
    }
}
