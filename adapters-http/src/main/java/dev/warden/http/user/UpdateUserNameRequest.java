package dev.warden.http.user;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.UpdateUserNameCommand;

/** Body of {@code PUT /management/v1/users/{userId}/username}. */
public record UpdateUserNameRequest(String userName) {

    static final String NAME = "UpdateUserNameRequest";

    public UpdateUserNameCommand toCommand(Caller caller, String userId) {
        return new UpdateUserNameCommand(caller, userId, userName);
    }
}
