package dev.warden.http;

import dev.warden.http.admin.AdminEndpoint;
import dev.warden.http.audit.AuditEventEndpoint;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.auth.ClientAddresses;
import dev.warden.http.console.ConsoleEndpoint;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.error.ErrorResponse;
import dev.warden.http.error.GrpcCode;
import dev.warden.http.health.HealthzEndpoint;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.key.MachineKeyEndpoint;
import dev.warden.http.openapi.OpenApiEndpoint;
import dev.warden.http.secret.MachineSecretEndpoint;
import dev.warden.http.signing.JwksEndpoint;
import dev.warden.http.signing.OpenIdConfigurationEndpoint;
import dev.warden.http.signing.SigningKeyEndpoint;
import dev.warden.http.member.MemberEndpoint;
import dev.warden.http.introspection.IntrospectionEndpoint;
import dev.warden.http.oauth.OAuthResponses;
import dev.warden.http.oauth.RevocationEndpoint;
import dev.warden.http.oauth.TokenEndpoint;
import dev.warden.http.org.OrgEndpoint;
import dev.warden.http.project.AppEndpoint;
import dev.warden.http.project.ProjectEndpoint;
import dev.warden.http.project.UserGrantEndpoint;
import dev.warden.http.token.PatEndpoint;
import dev.warden.http.transport.SecurityHeaders;
import dev.warden.http.user.UserEndpoint;
import dev.warden.http.userinfo.UserInfoEndpoint;
import io.helidon.webserver.http.HttpRouting;

/** Builds the management and admin API routes; used by the server and by the HTTP tests alike. */
public final class WardenRouting {

    static final String MANAGEMENT = "/management/v1";
    static final String ADMIN = "/admin/v1";
    static final String OAUTH = "/oauth/v2";

    private WardenRouting() {
    }

    /** Request bodies larger than this are answered 413 unless configured otherwise. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

    public static void routing(HttpRouting.Builder routing, HttpAdapter adapter) {
        routing(routing, adapter, DEFAULT_MAX_BODY_BYTES);
    }

    /** @param maxBodyBytes the largest request body the API reads; larger ones get a JSON 413 */
    public static void routing(HttpRouting.Builder routing, HttpAdapter adapter, long maxBodyBytes) {
        routing(routing, adapter, maxBodyBytes, ClientAddresses.direct());
    }

    /** @param clients how a request's client address is found (the trusted proxies) */
    public static void routing(HttpRouting.Builder routing, HttpAdapter adapter, long maxBodyBytes,
                               ClientAddresses clients) {
        // The security headers first, so that every answer carries them, errors and 404s included.
        routing.addFilter(SecurityHeaders.filter());
        routing.addFilter(clients.filter());
        JsonCodec json = new JsonCodec(maxBodyBytes);
        ErrorMapping errors = new ErrorMapping(json);
        errors.register(routing);
        AuthenticationHandler authentication = new AuthenticationHandler(adapter.authenticate(), errors);

        // The OAuth endpoints authenticate their clients themselves: outside the management API's handler.
        // So does userinfo, whose token may have any audience (the management API's audience rule
        // does not apply to it).
        OAuthResponses oauth = new OAuthResponses(json);
        routing.register(OAUTH, new TokenEndpoint(adapter.oauth(), oauth, maxBodyBytes))
                .register(OAUTH, new RevocationEndpoint(adapter.oauth(), oauth, maxBodyBytes))
                .register(new IntrospectionEndpoint(adapter.oauth().introspection(), oauth, maxBodyBytes))
                .register(new UserInfoEndpoint(adapter.oauth().userInfo(), oauth, maxBodyBytes));

        // Order matters: unauthenticated routes first, then the authentication handler in front of
        // everything else under the API prefixes, then the protected routes, then a JSON 404.
        for (String api : new String[] {MANAGEMENT, ADMIN}) {
            routing.register(api, new HealthzEndpoint(json))
                    .any(api, authentication)
                    .any(api + "/*", authentication);
        }
        // Public OAuth documents: outside the API prefixes, so no authentication handler sees them.
        routing.register(new JwksEndpoint(adapter.signingKeys().jwks(), json))
                .register(new OpenIdConfigurationEndpoint(adapter.signingKeys().discovery(), json))
                // The web console's static files: it calls the management API like any client.
                .register(new ConsoleEndpoint())
                // The OpenAPI document of every route; public, like the OAuth documents.
                .register(new OpenApiEndpoint(json));
        RouteTable routes = new RouteTable();
        routing.register(MANAGEMENT, routes.recording(MANAGEMENT, new OrgEndpoint(adapter.orgs(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new MemberEndpoint(adapter.members(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new UserEndpoint(adapter.users(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new PatEndpoint(adapter.users(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new MachineSecretEndpoint(adapter.secrets(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new MachineKeyEndpoint(adapter.keys(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new ProjectEndpoint(adapter.projects(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new AppEndpoint(adapter.projects(), json)))
                .register(MANAGEMENT, routes.recording(MANAGEMENT, new UserGrantEndpoint(adapter.projects(), json)))
                .register(ADMIN, routes.recording(ADMIN,
                        new AdminEndpoint(adapter.orgs(), adapter.members(), json)))
                .register(ADMIN, routes.recording(ADMIN, new SigningKeyEndpoint(adapter.signingKeys(), json)))
                .register(ADMIN, routes.recording(ADMIN, new AuditEventEndpoint(adapter.auditEvents(), json)));
        // Unknown paths under the OAuth prefixes answer in OAuth's shape (after every OAuth route).
        for (String prefix : new String[] {"/oauth/*", "/oidc/*"}) {
            routing.any(prefix, oauth.notFound());
        }
        for (String prefix : new String[] {"/management/*", "/admin/*"}) {
            routing.any(prefix, (req, res) -> {
                var allowed = routes.allowed(req);
                if (allowed.isEmpty()) {
                    errors.send(res, GrpcCode.NOT_FOUND, ErrorResponse.plain(GrpcCode.NOT_FOUND.code(), "Not Found"));
                } else {
                    // ZITADEL answers a wrong method with 405 and code 12 (contract §9.1).
                    res.header(RouteTable.ALLOW, RouteTable.allowHeader(allowed));
                    errors.send(res, GrpcCode.UNIMPLEMENTED,
                            ErrorResponse.plain(GrpcCode.UNIMPLEMENTED.code(), "Method Not Allowed"));
                }
            });
        }
    }
}
