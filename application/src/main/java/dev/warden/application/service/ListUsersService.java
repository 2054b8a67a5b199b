package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListUsersQuery;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.UserListResult;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.time.Clock;

/** Searches the users of the current organization, and only those, for callers holding {@code user.read}. */
public final class ListUsersService implements ListUsersUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final Clock clock;

    public ListUsersService(AccessControl accessControl, ServiceUserRepository users, Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserListResult listUsers(ListUsersQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        return new UserListResult(users.search(org.id(), query.filter(), query.sort(), query.page()), clock.instant());
    }
}
