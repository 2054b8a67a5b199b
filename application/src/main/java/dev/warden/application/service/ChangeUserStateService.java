package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.serviceuser.UserFields;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.domain.serviceuser.UserTransition;
import dev.warden.application.port.in.ChangeUserStateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;

import java.time.Clock;

/**
 * Deactivates, reactivates, locks or unlocks a user for callers holding {@code user.write}. A user
 * that can no longer authenticate is dropped from this node's credential cache at once; other
 * nodes follow the change feed. A concurrent change of the user (a rename, say) is kept: the
 * transition is checked and applied once more to the new state ({@link OptimisticUpdate}).
 */
public final class ChangeUserStateService implements ChangeUserStateUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public ChangeUserStateService(AccessControl accessControl, ServiceUserRepository users,
                                  VerifiedCredentialCache cache, Clock clock,
                                  AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult changeUserState(ChangeUserStateCommand command) {
        return OptimisticUpdate.retryOnce(() -> change(command));
    }

    private DetailsResult change(ChangeUserStateCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(ChangeUserStateService::notFound);
        UserState target = target(command.transition(), user.state());

        ServiceUser changed = user.withState(target, clock.instant());
        // The user name is unchanged, so a taken name cannot apply; it would be answered as on a rename.
        OptimisticUpdate.stored(users.update(changed), ChangeUserStateService::notFound, UserFields::userNameTaken);
        cache.invalidateUser(user.id());
        audit.record(switch (command.transition()) {
            case DEACTIVATE -> AuditEventType.USER_DEACTIVATED;
            case REACTIVATE -> AuditEventType.USER_REACTIVATED;
            case LOCK -> AuditEventType.USER_LOCKED;
            case UNLOCK -> AuditEventType.USER_UNLOCKED;
        }, command.caller(), org.id(), user.id(), "", "");
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }

    /** The state the transition leads to from {@code current}, or ZITADEL's refusal. */
    private static UserState target(UserTransition transition, UserState current) {
        return switch (transition) {
            case DEACTIVATE -> switch (current) {
                case ACTIVE -> UserState.INACTIVE;
                case INACTIVE -> throw new PreconditionFailedException("COMMAND-5M0sf", "User already inactive");
                default -> throw new PreconditionFailedException("COMMAND-5M0sg", "User is locked");
            };
            case REACTIVATE -> {
                if (current != UserState.INACTIVE) {
                    throw new PreconditionFailedException("COMMAND-6M0sf", "User is not inactive");
                }
                yield UserState.ACTIVE;
            }
            case LOCK -> {
                if (current != UserState.ACTIVE && current != UserState.INACTIVE) {
                    throw new PreconditionFailedException("COMMAND-3NN8v", "User is already locked");
                }
                yield UserState.LOCKED;
            }
            case UNLOCK -> {
                if (current != UserState.LOCKED) {
                    throw new PreconditionFailedException("COMMAND-4M0ds", "User is not locked");
                }
                yield UserState.ACTIVE;
            }
        };
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-3M9ds", "User could not be found");
    }
}
