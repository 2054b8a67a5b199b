package dev.warden.application.service;

import dev.warden.application.serviceuser.UserFields;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.UpdateUserNameCommand;
import dev.warden.application.port.in.UpdateUserNameUseCase;
import dev.warden.application.port.in.UserResult;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;

/**
 * Renames a user for callers holding {@code user.write}; user names stay unique across the instance.
 * A concurrent change of the user (a deactivation, say) is kept: the rename is checked and applied
 * once more to the new state ({@link OptimisticUpdate}).
 */
public final class UpdateUserNameService implements UpdateUserNameUseCase {

    private static final String REQUEST = "UpdateUserNameRequest";

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final Clock clock;

    public UpdateUserNameService(AccessControl accessControl, ServiceUserRepository users, Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserResult updateUserName(UpdateUserNameCommand command) {
        return OptimisticUpdate.retryOnce(() -> rename(command));
    }

    private UserResult rename(UpdateUserNameCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        String userName = UserFields.userName(command.userName(), REQUEST);
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(UpdateUserNameService::notFound);
        // Exact comparison, as ZITADEL's: a change of case only is a change.
        if (user.userName().equals(userName)) {
            throw new PreconditionFailedException("COMMAND-6m9gs", "Username not changed");
        }

        ServiceUser renamed = user.withUserName(userName, clock.instant());
        OptimisticUpdate.stored(users.update(renamed), UpdateUserNameService::notFound, UserFields::userNameTaken);
        return new UserResult(renamed);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-5N9ds", "User could not be found");
    }
}
