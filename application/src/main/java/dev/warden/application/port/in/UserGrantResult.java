package dev.warden.application.port.in;

import dev.warden.domain.grant.UserGrant;

import java.util.Objects;

/**
 * A user grant with the names a client shows next to it.
 *
 * @param userName    empty when the user is gone (never for a stored grant: it goes with its user)
 * @param orgDomain   the granting organization's primary domain
 */
public record UserGrantResult(UserGrant grant, String userName, String orgName, String orgDomain,
                              String projectName) {
    public UserGrantResult {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(orgDomain, "orgDomain");
        Objects.requireNonNull(projectName, "projectName");
    }
}
