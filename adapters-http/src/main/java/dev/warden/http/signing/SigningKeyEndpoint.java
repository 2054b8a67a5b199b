package dev.warden.http.signing;

import dev.warden.application.port.in.ListSigningKeysQuery;
import dev.warden.application.port.in.RotateSigningKeyCommand;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;

/**
 * Driving adapter: {@code GET /admin/v1/signing_keys} and {@code POST /admin/v1/signing_keys/_rotate},
 * behind the authentication handler; the services check {@code iam.read} / {@code iam.write}.
 */
public final class SigningKeyEndpoint implements HttpService {

    private final SigningKeyUseCases keys;
    private final JsonCodec json;

    public SigningKeyEndpoint(SigningKeyUseCases keys, JsonCodec json) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/signing_keys", this::list)
                .post("/signing_keys/_rotate", this::rotate);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var result = keys.list().listSigningKeys(new ListSigningKeysQuery(AuthenticationHandler.caller(request)));
        json.send(response, Status.OK_200, SigningKeyListResponse.from(result));
    }

    private void rotate(ServerRequest request, ServerResponse response) {
        // The body carries nothing, but must be valid JSON like every other write's.
        json.read(request, EmptyRequest.class, "RotateSigningKeyRequest");
        var result = keys.rotate().rotateSigningKey(new RotateSigningKeyCommand(AuthenticationHandler.caller(request)));
        json.send(response, Status.OK_200, RotateSigningKeyResponse.from(result));
    }

    /** {@code {}}: the rotation takes no parameters. */
    record EmptyRequest() {
    }
}
