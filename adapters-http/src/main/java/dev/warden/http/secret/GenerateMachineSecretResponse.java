package dev.warden.http.secret;

import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GeneratedMachineSecretResult;
import dev.warden.http.json.ObjectDetailsResponse;

/**
 * Answer of {@code PUT /management/v1/users/{userId}/secret}: the only answer that carries the
 * client secret. Its details have the creation date, as ZITADEL's {@code DomainToAddDetailsPb}.
 */
public record GenerateMachineSecretResponse(String clientId, String clientSecret, ObjectDetailsResponse details) {

    public static GenerateMachineSecretResponse from(GeneratedMachineSecretResult result) {
        DetailsResult details = result.details();
        return new GenerateMachineSecretResponse(result.clientId(), result.clientSecret(),
                ObjectDetailsResponse.created(details.sequence(), details.at(), details.resourceOwner()));
    }

    @Override
    public String toString() {
        // Keeps the secret out of any log line or assertion message that prints this record.
        return "GenerateMachineSecretResponse[clientId=" + clientId + ", clientSecret=redacted]";
    }
}
