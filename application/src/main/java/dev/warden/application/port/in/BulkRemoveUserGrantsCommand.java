package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.List;
import java.util.Objects;

/** Input of {@link BulkRemoveUserGrantsUseCase}, ids as the client sent them. */
public record BulkRemoveUserGrantsCommand(Caller caller, List<String> grantIds) {
    public BulkRemoveUserGrantsCommand {
        Objects.requireNonNull(caller, "caller");
        grantIds = grantIds == null ? List.of() : List.copyOf(grantIds);
    }
}
