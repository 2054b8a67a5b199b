package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link GetOrgByIdUseCase}. */
public record GetOrgByIdQuery(Caller caller, String orgId) {
    public GetOrgByIdQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
