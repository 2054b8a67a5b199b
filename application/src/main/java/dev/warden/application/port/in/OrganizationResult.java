package dev.warden.application.port.in;

import dev.warden.domain.org.Organization;

import java.util.Objects;

/** An organization as a use case returns it. */
public record OrganizationResult(Organization organization) {
    public OrganizationResult {
        Objects.requireNonNull(organization, "organization");
    }
}
