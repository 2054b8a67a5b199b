package dev.warden.application.port.out;

import dev.warden.domain.org.Organization;

import java.util.Optional;

/** Driven port: stored organizations. */
public interface OrganizationRepository {
    Optional<Organization> findById(long id);
}
