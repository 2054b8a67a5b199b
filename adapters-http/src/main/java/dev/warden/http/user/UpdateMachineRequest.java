package dev.warden.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.UpdateMachineUserCommand;

/** Body of {@code PUT /management/v1/users/{userId}/machine}; the path's user id wins over any in the body. */
public record UpdateMachineRequest(String name, String description, JsonNode accessTokenType) {

    static final String NAME = "UpdateMachineRequest";

    public UpdateMachineUserCommand toCommand(Caller caller, String userId) {
        return new UpdateMachineUserCommand(caller, userId, name, description,
                AccessTokenTypes.parse(accessTokenType, "AccessTokenType", NAME));
    }
}
