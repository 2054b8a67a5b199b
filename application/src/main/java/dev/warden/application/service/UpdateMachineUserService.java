package dev.warden.application.service;

import dev.warden.application.serviceuser.UserFields;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.UpdateMachineUserCommand;
import dev.warden.application.port.in.UpdateMachineUserUseCase;
import dev.warden.application.port.in.UserResult;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;

/**
 * Replaces a service user's display name, description and access-token type, for callers holding
 * {@code user.write}. Absent values take their proto defaults (empty description, BEARER), as a
 * PUT of ZITADEL's {@code UpdateMachineRequest} does. A concurrent change of the user (a lock, say)
 * is kept: the profile is applied once more to the new state ({@link OptimisticUpdate}).
 */
public final class UpdateMachineUserService implements UpdateMachineUserUseCase {

    private static final String REQUEST = "UpdateMachineRequest";

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final Clock clock;

    public UpdateMachineUserService(AccessControl accessControl, ServiceUserRepository users, Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserResult updateMachineUser(UpdateMachineUserCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private UserResult update(UpdateMachineUserCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        String name = UserFields.name(command.name(), REQUEST);
        String description = UserFields.description(command.description(), REQUEST);
        AccessTokenType type = command.accessTokenType() == null ? AccessTokenType.BEARER : command.accessTokenType();
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id()).orElseThrow(UpdateMachineUserService::notFound);

        ServiceUser updated = user.withProfile(name, description, type, clock.instant());
        // The user name is unchanged, so a taken name cannot apply; it would be answered as on a rename.
        OptimisticUpdate.stored(users.update(updated), UpdateMachineUserService::notFound, UserFields::userNameTaken);
        return new UserResult(updated);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-5M0od", "User could not be found");
    }
}
