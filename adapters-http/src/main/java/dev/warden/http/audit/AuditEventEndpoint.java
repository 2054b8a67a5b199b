package dev.warden.http.audit;

import dev.warden.application.port.in.SearchAuditEventsUseCase;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;

/**
 * Driving adapter: {@code POST /admin/v1/events/_search}, behind the authentication handler; the
 * service checks {@code events.read} (IAM_OWNER).
 */
public final class AuditEventEndpoint implements HttpService {

    private final SearchAuditEventsUseCase search;
    private final JsonCodec json;

    public AuditEventEndpoint(SearchAuditEventsUseCase search, JsonCodec json) {
        this.search = Objects.requireNonNull(search, "search");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events/_search", this::search);
    }

    private void search(ServerRequest request, ServerResponse response) {
        ListEventsRequest body = json.read(request, ListEventsRequest.class, ListEventsRequest.NAME);
        var result = search.searchAuditEvents(body.toQuery(AuthenticationHandler.caller(request)));
        json.send(response, Status.OK_200, ListEventsResponse.from(result));
    }
}
