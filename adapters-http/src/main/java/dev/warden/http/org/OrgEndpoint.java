package dev.warden.http.org;

import dev.warden.application.port.in.GetMyOrgQuery;
import dev.warden.application.port.in.GetMyOrgUseCase;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Driving adapter: organization routes of the management API, under {@code /management/v1}. */
public final class OrgEndpoint implements HttpService {

    /** Selects the current organization of a management call (ZITADEL's header name). */
    public static final HeaderName ORG_ID_HEADER = HeaderNames.create("x-zitadel-orgid");

    private final GetMyOrgUseCase getMyOrg;
    private final JsonCodec json;

    public OrgEndpoint(GetMyOrgUseCase getMyOrg, JsonCodec json) {
        this.getMyOrg = getMyOrg;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/orgs/me", this::getMyOrg);
    }

    private void getMyOrg(ServerRequest request, ServerResponse response) {
        GetMyOrgQuery query = new GetMyOrgQuery(AuthenticationHandler.principal(request), requestedOrgId(request));
        json.send(response, Status.OK_200, GetMyOrgResponse.from(getMyOrg.getMyOrg(query)));
    }

    /** The {@code x-zitadel-orgid} value, or null when absent or empty (an empty header selects nothing). */
    static String requestedOrgId(ServerRequest request) {
        return request.headers().first(ORG_ID_HEADER).filter(v -> !v.isBlank()).orElse(null);
    }
}
