package dev.warden.http.secret;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.GenerateMachineSecretCommand;

/**
 * Body of {@code PUT /management/v1/users/{userId}/secret}: nothing but the path's id. The body is
 * still read, so malformed JSON is a 400 as at ZITADEL's gateway.
 */
public record GenerateMachineSecretRequest() {

    static final String NAME = "GenerateMachineSecretRequest";

    public GenerateMachineSecretCommand toCommand(Caller caller, String userId) {
        return new GenerateMachineSecretCommand(caller, userId);
    }
}
