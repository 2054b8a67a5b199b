package dev.warden.http;

import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.error.ErrorResponse;
import dev.warden.http.error.GrpcCode;
import dev.warden.http.health.HealthzEndpoint;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.org.OrgEndpoint;
import io.helidon.webserver.http.HttpRouting;

/** Builds the management API routes; used by the server and by the HTTP tests alike. */
public final class WardenRouting {

    static final String MANAGEMENT = "/management/v1";

    private WardenRouting() {
    }

    public static void routing(HttpRouting.Builder routing, HttpAdapter adapter) {
        JsonCodec json = new JsonCodec();
        ErrorMapping errors = new ErrorMapping(json);
        errors.register(routing);
        AuthenticationHandler authentication = new AuthenticationHandler(adapter.authenticate(), errors);

        // Order matters: unauthenticated routes first, then the authentication handler in front of
        // everything else under /management, then the protected routes.
        routing.register(MANAGEMENT, new HealthzEndpoint(json))
                .any(MANAGEMENT, authentication)
                .any(MANAGEMENT + "/*", authentication)
                .register(MANAGEMENT, new OrgEndpoint(adapter.getMyOrg(), json))
                .any("/management/*", (req, res) -> errors.send(res, GrpcCode.NOT_FOUND,
                        ErrorResponse.plain(GrpcCode.NOT_FOUND.code(), "Not Found")));
    }
}
