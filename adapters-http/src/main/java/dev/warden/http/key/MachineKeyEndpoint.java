package dev.warden.http.key;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.GetMachineKeyQuery;
import dev.warden.application.port.in.RemoveMachineKeyCommand;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;

/**
 * Driving adapter: the machine key routes of the management API, under {@code /management/v1}
 * and behind the authentication handler. Nothing here logs: the one response with a private key
 * goes straight to the client.
 */
public final class MachineKeyEndpoint implements HttpService {

    private final MachineKeyUseCases keys;
    private final JsonCodec json;

    public MachineKeyEndpoint(MachineKeyUseCases keys, JsonCodec json) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users/{userId}/keys", this::add)
                .post("/users/{userId}/keys/_search", this::list)
                .get("/users/{userId}/keys/{keyId}", this::get)
                .delete("/users/{userId}/keys/{keyId}", this::remove);
    }

    private void add(ServerRequest request, ServerResponse response) {
        AddMachineKeyRequest body = json.read(request, AddMachineKeyRequest.class, AddMachineKeyRequest.NAME);
        var result = keys.add().addMachineKey(body.toCommand(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, AddMachineKeyResponse.from(result));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var result = keys.get().getMachineKey(new GetMachineKeyQuery(caller(request), param(request, "userId"),
                param(request, "keyId")));
        json.send(response, Status.OK_200, GetMachineKeyResponse.from(result));
    }

    private void list(ServerRequest request, ServerResponse response) {
        ListMachineKeysRequest body = json.read(request, ListMachineKeysRequest.class, ListMachineKeysRequest.NAME);
        var result = keys.list().listMachineKeys(body.toQuery(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, ListMachineKeysResponse.from(result));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = keys.remove().removeMachineKey(new RemoveMachineKeyCommand(caller(request),
                param(request, "userId"), param(request, "keyId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private static Caller caller(ServerRequest request) {
        return AuthenticationHandler.caller(request);
    }

    private static String param(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }
}
