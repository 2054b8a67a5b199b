package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.List;
import java.util.Objects;

/** Input of {@link AddUserGrantUseCase}, ids as the client sent them. */
public record AddUserGrantCommand(Caller caller, String userId, String projectId, List<String> roleKeys) {
    public AddUserGrantCommand {
        Objects.requireNonNull(caller, "caller");
        roleKeys = roleKeys == null ? List.of() : List.copyOf(roleKeys);
    }
}
