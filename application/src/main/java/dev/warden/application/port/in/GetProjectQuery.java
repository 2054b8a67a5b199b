package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link GetProjectUseCase}, ids as the client sent them. */
public record GetProjectQuery(Caller caller, String projectId) {
    public GetProjectQuery {
        Objects.requireNonNull(caller, "caller");

    }
}
