package dev.warden.application.oauth;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Optional;

/**
 * Finds a service user by an OAuth client id, which ZITADEL resolves as a login name: the user
 * name, or {@code username@orgdomain}, ignoring case. User names are unique across the instance,
 * so either form names at most one user: a user name that itself contains {@code @} is tried
 * whole first, then the part before the last {@code @} with its organization's primary domain.
 */
public final class LoginNames {

    /** Longer client ids name nobody (a user name has at most 200 characters, a domain at most 253). */
    static final int MAX_LOGIN_NAME_LENGTH = 460;

    private LoginNames() {
    }

    public static Optional<ServiceUser> resolve(ServiceUserRepository users, OrganizationRepository organizations,
                                                String loginName) {
        if (loginName == null || loginName.isBlank() || loginName.length() > MAX_LOGIN_NAME_LENGTH
                || !loginName.equals(loginName.strip())) {
            return Optional.empty();
        }
        Optional<ServiceUser> byName = users.findByUserName(loginName);
        if (byName.isPresent()) {
            return byName;
        }
        int at = loginName.lastIndexOf('@');
        if (at <= 0 || at == loginName.length() - 1) {
            return Optional.empty();
        }
        String domain = loginName.substring(at + 1);
        return users.findByUserName(loginName.substring(0, at))
                .filter(user -> organizations.findById(user.orgId())
                        .map(Organization::primaryDomain)
                        .filter(primary -> !primary.isEmpty() && primary.equalsIgnoreCase(domain))
                        .isPresent());
    }
}
