package dev.warden.http.health;

import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** Driving adapter: ZITADEL's unauthenticated {@code GET /management/v1/healthz}, answering {@code {}}. */
public final class HealthzEndpoint implements HttpService {

    private final JsonCodec json;

    public HealthzEndpoint(JsonCodec json) {
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/healthz", this::healthz);
    }

    private void healthz(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, Map.of());
    }
}
