package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link GetAppKeyUseCase}, ids as the client sent them. */
public record GetAppKeyQuery(Caller caller, String projectId, String appId, String keyId) {
    public GetAppKeyQuery {
        Objects.requireNonNull(caller, "caller");

    }
}
