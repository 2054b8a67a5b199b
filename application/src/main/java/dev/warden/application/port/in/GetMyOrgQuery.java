package dev.warden.application.port.in;

import dev.warden.domain.principal.Principal;

import java.util.Objects;

/** @param requestedOrgId the {@code x-zitadel-orgid} header, or null when absent */
public record GetMyOrgQuery(Principal caller, String requestedOrgId) {
    public GetMyOrgQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
