package dev.warden.http.user;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.domain.serviceuser.UserTransition;

/**
 * Body of {@code POST /management/v1/users/{id}/_deactivate|_reactivate|_lock|_unlock}: nothing
 * but the path's id. The body is still read, so malformed JSON is a 400 as at ZITADEL's gateway.
 */
public record ChangeUserStateRequest() {

    static String name(UserTransition transition) {
        return switch (transition) {
            case DEACTIVATE -> "DeactivateUserRequest";
            case REACTIVATE -> "ReactivateUserRequest";
            case LOCK -> "LockUserRequest";
            case UNLOCK -> "UnlockUserRequest";
        };
    }

    public ChangeUserStateCommand toCommand(Caller caller, String userId, UserTransition transition) {
        return new ChangeUserStateCommand(caller, userId, transition);
    }
}
