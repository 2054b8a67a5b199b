package dev.warden.application.authz;

import dev.warden.domain.principal.Principal;

import java.util.Objects;

/**
 * Who calls a management use case, and which organization they asked for.
 *
 * @param requestedOrgId the {@code x-zitadel-orgid} header, or null when absent
 */
public record Caller(Principal principal, String requestedOrgId) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
    }
}
