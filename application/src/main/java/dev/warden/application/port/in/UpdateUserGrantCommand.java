package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.List;
import java.util.Objects;

/** Input of {@link UpdateUserGrantUseCase}, ids as the client sent them. */
public record UpdateUserGrantCommand(Caller caller, String grantId, List<String> roleKeys) {
    public UpdateUserGrantCommand {
        Objects.requireNonNull(caller, "caller");
        roleKeys = roleKeys == null ? List.of() : List.copyOf(roleKeys);
    }
}
