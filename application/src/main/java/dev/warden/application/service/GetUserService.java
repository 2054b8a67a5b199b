package dev.warden.application.service;

import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetUserQuery;
import dev.warden.application.port.in.GetUserUseCase;
import dev.warden.application.port.in.UserResult;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Returns one user of the current organization, and whether it has a client secret, to callers holding {@code user.read} on it. */
public final class GetUserService implements GetUserUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineSecretRepository secrets;

    public GetUserService(AccessControl accessControl, ServiceUserRepository users, MachineSecretRepository secrets) {
        this.accessControl = accessControl;
        this.users = users;
        this.secrets = secrets;
    }

    @Override
    public UserResult getUser(GetUserQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        return UserLookup.inOrg(users, query.userId(), org.id())
                .map(user -> new UserResult(user, secrets.find(user.id()).isPresent()))
                .orElseThrow(() -> new NotFoundException("QUERY-Dfbg2", "User could not be found"));
    }
}
