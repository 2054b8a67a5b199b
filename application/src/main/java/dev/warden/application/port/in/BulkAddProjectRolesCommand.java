package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.List;
import java.util.Objects;

/** Input of {@link BulkAddProjectRolesUseCase}, ids as the client sent them. */
public record BulkAddProjectRolesCommand(Caller caller, String projectId, List<RoleCommand> roles) {

    /** One role of the bulk: {@code key}, {@code displayName}, {@code group}, unvalidated. */
    public record RoleCommand(String key, String displayName, String group) {
    }

    public BulkAddProjectRolesCommand {
        Objects.requireNonNull(caller, "caller");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
