package dev.warden.application.service;

import dev.warden.application.serviceuser.UserFields;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddMachineUserCommand;
import dev.warden.application.port.in.AddMachineUserUseCase;
import dev.warden.application.port.in.UserResult;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;

/** Creates a service user in the current organization for callers holding {@code user.write} on it. */
public final class AddMachineUserService implements AddMachineUserUseCase {

    private static final String REQUEST = "AddMachineUserRequest";

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final IdGenerator ids;
    private final Clock clock;

    public AddMachineUserService(AccessControl accessControl, ServiceUserRepository users, IdGenerator ids,
                                 Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public UserResult addMachineUser(AddMachineUserCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        String userName = UserFields.userName(command.userName(), REQUEST);
        String name = UserFields.name(command.name(), REQUEST);
        String description = UserFields.description(command.description(), REQUEST);
        long id = command.userId() == null ? ids.nextId() : chosenId(command.userId());
        AccessTokenType type = command.accessTokenType() == null ? AccessTokenType.BEARER : command.accessTokenType();

        ServiceUser user = ServiceUser.create(id, org.id(), userName, name, description, type, clock.instant());
        if (!users.insert(user)) {
            // The insert refuses a taken id or a taken user name; only the id needs telling apart.
            throw command.userId() != null && users.findById(id).isPresent() ? idTaken() : UserFields.userNameTaken();
        }
        return new UserResult(user);
    }

    private long chosenId(String raw) {
        long id = Ids.parse(raw).orElseThrow(() -> UserFields.invalid(REQUEST, "UserId",
                "value must be a positive decimal number of at most 19 digits"));
        if (users.findById(id).isPresent()) {
            throw idTaken();
        }
        return id;
    }

    private static PreconditionFailedException idTaken() {
        return new PreconditionFailedException("COMMAND-k2una", "Errors.User.AlreadyExisting");
    }
}
