package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link GetUserUseCase}; the id as the client sent it. */
public record GetUserQuery(Caller caller, String userId) {
    public GetUserQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
