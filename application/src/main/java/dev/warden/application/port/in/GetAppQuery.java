package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link GetAppUseCase}, ids as the client sent them. */
public record GetAppQuery(Caller caller, String projectId, String appId) {
    public GetAppQuery {
        Objects.requireNonNull(caller, "caller");

    }
}
