package dev.warden.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddMachineUserCommand;

/**
 * Body of {@code POST /management/v1/users/machine}. Values go to the service as sent (it
 * validates them); only the enum is parsed here.
 */
public record AddMachineUserRequest(String userName, String name, String description, JsonNode accessTokenType,
                                    String userId) {

    static final String NAME = "AddMachineUserRequest";

    public AddMachineUserCommand toCommand(Caller caller) {
        return new AddMachineUserCommand(caller, userName, name, description,
                AccessTokenTypes.parse(accessTokenType, "AccessTokenType", NAME), userId);
    }
}
