package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link GetUserGrantUseCase}, ids as the client sent them. */
public record GetUserGrantQuery(Caller caller, String grantId) {
    public GetUserGrantQuery {
        Objects.requireNonNull(caller, "caller");

    }
}
