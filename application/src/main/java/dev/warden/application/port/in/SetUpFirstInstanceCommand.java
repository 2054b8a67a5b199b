package dev.warden.application.port.in;

import dev.warden.domain.org.OrgName;

import java.time.Instant;
import java.util.Objects;

/**
 * @param instanceDomain   the host part of the external URL; organization domains end with it
 * @param tokenExpiration  expiration of the admin PAT, or null for none
 */
public record SetUpFirstInstanceCommand(String orgName, String instanceDomain, String adminUserName,
                                        String adminDisplayName, Instant tokenExpiration) {
    public SetUpFirstInstanceCommand {
        orgName = OrgName.validate(orgName);
        Objects.requireNonNull(instanceDomain, "instanceDomain");
        Objects.requireNonNull(adminUserName, "adminUserName");
        Objects.requireNonNull(adminDisplayName, "adminDisplayName");
    }
}
