package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.query.PageRequest;

import java.util.Objects;

/** Input of {@link ListMachineKeysUseCase}. */
public record ListMachineKeysQuery(Caller caller, String userId, PageRequest page) {
    public ListMachineKeysQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
