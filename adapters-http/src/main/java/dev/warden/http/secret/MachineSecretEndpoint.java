package dev.warden.http.secret;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.RemoveMachineSecretCommand;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.http.Status;

import java.util.Objects;

/**
 * Driving adapter: the client-secret routes of the management API, under {@code /management/v1}
 * (contract §6.1). Nothing here logs: the one response with a secret goes straight to the client,
 * with {@code Cache-Control: no-store} as every answer of {@link JsonCodec}.
 */
public final class MachineSecretEndpoint implements HttpService {

    private final MachineSecretUseCases secrets;
    private final JsonCodec json;

    public MachineSecretEndpoint(MachineSecretUseCases secrets, JsonCodec json) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/users/{userId}/secret", this::generate)
                .delete("/users/{userId}/secret", this::remove);
    }

    private void generate(ServerRequest request, ServerResponse response) {
        GenerateMachineSecretRequest body = json.read(request, GenerateMachineSecretRequest.class,
                GenerateMachineSecretRequest.NAME);
        var result = secrets.generate().generateMachineSecret(body.toCommand(caller(request), userId(request)));
        json.send(response, Status.OK_200, GenerateMachineSecretResponse.from(result));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = secrets.remove().removeMachineSecret(new RemoveMachineSecretCommand(caller(request),
                userId(request)));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private static Caller caller(ServerRequest request) {
        return AuthenticationHandler.caller(request);
    }

    private static String userId(ServerRequest request) {
        return request.path().pathParameters().get("userId");
    }
}
