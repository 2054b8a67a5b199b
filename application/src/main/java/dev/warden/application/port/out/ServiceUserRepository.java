package dev.warden.application.port.out;

import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Optional;

/** Driven port: stored service users. */
public interface ServiceUserRepository {
    Optional<ServiceUser> findById(long id);
}
