package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RemoveUserGrantUseCase}, ids as the client sent them. */
public record RemoveUserGrantCommand(Caller caller, String grantId) {
    public RemoveUserGrantCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
