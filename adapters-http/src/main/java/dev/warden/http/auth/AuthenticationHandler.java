package dev.warden.http.auth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.RequestTarget;
import dev.warden.application.authz.Caller;
import dev.warden.domain.principal.Principal;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.error.ErrorResponse;
import dev.warden.http.error.GrpcCode;
import dev.warden.http.observe.RequestObservation;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authentication filter of the management API. It is registered as a route handler in front
 * of the protected routes (not as a path-prefix filter), so it matches exactly the requests
 * those routes would: no path trick reaches a handler around it. Only this class writes 401
 * and {@code WWW-Authenticate}.
 */
public final class AuthenticationHandler implements Handler {

    private static final Logger LOG = Logger.getLogger(AuthenticationHandler.class.getName());
    static final String TOKEN_INVALID_ID = "AUTH-7fs1e";
    static final String TOKEN_INVALID_TEXT = "Errors.Token.Invalid";
    static final String HEADER_INVALID_ID = "AUTH-toLo1";
    static final String HEADER_INVALID_TEXT = "invalid auth header";

    private final AuthenticateUseCase authenticate;
    private final ErrorMapping errors;

    public AuthenticationHandler(AuthenticateUseCase authenticate, ErrorMapping errors) {
        this.authenticate = authenticate;
        this.errors = errors;
    }

    /** Selects the current organization of a management call (ZITADEL's header name). */
    public static final HeaderName ORG_ID_HEADER = HeaderNames.create("x-zitadel-orgid");

    /** The caller of an authenticated request: its principal and the org it asked for (blank header = none). */
    public static Caller caller(ServerRequest request) {
        return new Caller(principal(request), request.headers().first(ORG_ID_HEADER).filter(v -> !v.isBlank())
                .orElse(null), ClientAddresses.of(request));
    }

    /** The principal that this handler put on an authenticated request. */
    public static Principal principal(ServerRequest request) {
        return request.context().get(Principal.class, Principal.class)
                .orElseThrow(() -> new IllegalStateException("route is not behind the authentication handler"));
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        // Header lines as sent: Headers.values() would also split one line at its commas, which
        // auth-params (RFC 9110 §11.4) contain.
        List<String> values = request.headers().find(HeaderNames.AUTHORIZATION).map(Header::allValues)
                .orElse(List.of());
        if (values.isEmpty()) {
            RequestObservation.noteAuthentication(request, "none", "missing");
            refuse(response, "Bearer realm=\"warden\"", ErrorResponse.plain(GrpcCode.UNAUTHENTICATED.code(),
                    "auth header missing"));
            return;
        }
        Optional<PresentedCredential> credential = values.size() == 1 ? credential(values.getFirst()) : Optional.empty();
        if (credential.isEmpty()) {
            RequestObservation.noteAuthentication(request, "none", "malformed");
            refuse(response, "Bearer realm=\"warden\", error=\"invalid_request\"",
                    ErrorResponse.of(GrpcCode.UNAUTHENTICATED.code(), HEADER_INVALID_ID, HEADER_INVALID_TEXT));
            return;
        }
        Verification verification = authenticate.authenticate(credential.get().with(
                new RequestTarget(request.prologue().method().text(), pathAndQuery(request)))
                .from(ClientAddresses.of(request)));
        if (verification instanceof Verification.Verified verified) {
            RequestObservation.noteAuthentication(request, verified.method(), "verified");
            request.context().register(Principal.class, verified.principal());
            response.next();
            return;
        }
        if (verification instanceof Verification.Rejected rejected && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Refused " + credential.get().scheme() + " credential: " + rejected.reasonForLogs());
        }
        // The scheme is Bearer or one an enabled method declares: never free text from the client.
        RequestObservation.noteAuthentication(request, credential.get().scheme().toLowerCase(java.util.Locale.ROOT),
                verification instanceof Verification.Rejected ? "rejected" : "unrecognized");
        refuse(response, "Bearer realm=\"warden\", error=\"invalid_token\"",
                ErrorResponse.of(GrpcCode.UNAUTHENTICATED.code(), TOKEN_INVALID_ID, TOKEN_INVALID_TEXT));
    }

    /**
     * {@code Bearer} by the strict rules; another scheme only when an enabled method declares it
     * (its verifier parses the value); anything else is a malformed header.
     */
    private Optional<PresentedCredential> credential(String header) {
        Optional<PresentedCredential> bearer = AuthorizationHeader.parse(header)
                .filter(c -> c.scheme().equalsIgnoreCase(CredentialSchemes.BEARER));
        if (bearer.isPresent()) {
            return bearer;
        }
        return AuthorizationHeader.parseOther(header)
                .filter(c -> !c.scheme().equalsIgnoreCase(CredentialSchemes.BEARER))
                .filter(c -> authenticate.schemes().stream().anyMatch(c.scheme()::equalsIgnoreCase));
    }

    /** The request target as sent: raw path and raw query, what a signature over the request covers. */
    private static String pathAndQuery(ServerRequest request) {
        String query = request.prologue().query().rawValue();
        return request.prologue().uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }

    private void refuse(ServerResponse response, String challenge, ErrorResponse body) {
        response.header(HeaderNames.WWW_AUTHENTICATE, challenge);
        errors.send(response, GrpcCode.UNAUTHENTICATED, body);
    }
}
