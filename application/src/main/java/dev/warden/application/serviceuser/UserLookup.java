package dev.warden.application.serviceuser;

import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;

import java.util.Optional;

/**
 * Finds the user a request names by its raw id: only users of the current organization exist for
 * it. A malformed id names no user, so it is "not found" like an unknown one.
 */
public final class UserLookup {

    private UserLookup() {
    }

    public static Optional<ServiceUser> inOrg(ServiceUserRepository users, String rawUserId, long orgId) {
        return Ids.parse(rawUserId)
                .flatMap(users::findById)
                .filter(user -> user.orgId() == orgId && user.state() != UserState.DELETED);
    }
}
