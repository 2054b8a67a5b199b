package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListUsersQuery;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.UserListResult;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;
import java.util.Set;

/**
 * Searches the users of the current organization, and only those, for callers holding
 * {@code user.read}; tells which users of the page have a client secret.
 */
public final class ListUsersService implements ListUsersUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineSecretRepository secrets;
    private final Clock clock;

    public ListUsersService(AccessControl accessControl, ServiceUserRepository users, MachineSecretRepository secrets,
                            Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public UserListResult listUsers(ListUsersQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        Page<ServiceUser> page = users.search(org.id(), query.filter(), query.sort(), query.page());
        Set<Long> withSecret = page.items().isEmpty() ? Set.of()
                : secrets.usersWithSecret(page.items().stream().map(ServiceUser::id).toList());
        return new UserListResult(page, clock.instant(), withSecret);
    }
}
