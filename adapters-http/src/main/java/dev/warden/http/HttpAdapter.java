package dev.warden.http;

import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.GetMyOrgUseCase;

import java.util.Objects;

/** The in-ports the HTTP adapter drives, handed over by the composition root. */
public record HttpAdapter(AuthenticateUseCase authenticate, GetMyOrgUseCase getMyOrg) {
    public HttpAdapter {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(getMyOrg, "getMyOrg");
    }
}
