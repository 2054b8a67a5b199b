package dev.warden.application.authz;

import dev.warden.domain.principal.Principal;

import java.util.Objects;

/**
 * Who calls a management use case, and which organization they asked for.
 *
 * @param requestedOrgId the {@code x-zitadel-orgid} header, or null when absent
 * @param clientAddress  the address the request came from, for the audit log ("" when unknown)
 */
public record Caller(Principal principal, String requestedOrgId, String clientAddress) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
        clientAddress = clientAddress == null ? "" : clientAddress;
    }

    public Caller(Principal principal, String requestedOrgId) {
        this(principal, requestedOrgId, "");
    }

}
