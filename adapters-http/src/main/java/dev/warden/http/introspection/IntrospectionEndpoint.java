package dev.warden.http.introspection;

import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.IntrospectTokenCommand;
import dev.warden.application.port.in.IntrospectTokenUseCase;
import dev.warden.application.port.in.IntrospectionResult;
import dev.warden.http.auth.ClientAddresses;
import dev.warden.http.oauth.ClientAuthentication;
import dev.warden.http.oauth.OAuthError;
import dev.warden.http.oauth.OAuthException;
import dev.warden.http.oauth.OAuthForm;
import dev.warden.http.oauth.OAuthResponses;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Driving adapter: {@code POST /oauth/v2/introspect}. The caller is an API application that
 * authenticates with {@code client_secret_basic} (or {@code _post}) or {@code private_key_jwt};
 * a missing or failed client authentication is {@code 401 invalid_client} with
 * {@code WWW-Authenticate} (RFC 6749 §5.2, where ZITADEL answers 400); any problem with the
 * token is exactly {@code 200 {"active":false}}. {@code token_type_hint} is ignored, as RFC 7662
 * allows.
 */
public final class IntrospectionEndpoint implements HttpService {

    private static final Logger LOG = Logger.getLogger(IntrospectionEndpoint.class.getName());

    private final IntrospectTokenUseCase introspection;
    private final OAuthResponses responses;
    private final long maxBodyBytes;

    public IntrospectionEndpoint(IntrospectTokenUseCase introspection, OAuthResponses responses, long maxBodyBytes) {
        this.introspection = Objects.requireNonNull(introspection, "introspection");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(OAuthSettings.INTROSPECTION_PATH, responses.handler(this::introspect))
                .any(OAuthSettings.INTROSPECTION_PATH, responses.methodNotAllowed("POST"));
    }

    private void introspect(ServerRequest request, ServerResponse response) {
        OAuthForm form = OAuthForm.read(request, maxBodyBytes);
        PresentedCredential client = switch (ClientAuthentication.of(request, form)) {
            case ClientAuthentication.None none ->
                    throw new OAuthException(OAuthError.invalidClient("client must be authenticated"));
            case ClientAuthentication.Secret secret ->
                    new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET, secret.secret(), secret.id());
            case ClientAuthentication.Assertion assertion ->
                    new PresentedCredential(CredentialSchemes.API_CLIENT_ASSERTION, assertion.jwt(),
                            assertion.formClientId().orElse(""));
        };
        String token = form.require("token");
        IntrospectionResult result = introspection.introspect(new IntrospectTokenCommand(
                client.from(ClientAddresses.of(request)), token));
        if (result.isClientRefused()) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Refused introspection client: " + result.reasonForLogs());
            }
            throw new OAuthException(OAuthError.invalidClient("client authentication failed"));
        }
        if (result.activeToken().isEmpty()) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Inactive token at introspection: " + result.reasonForLogs());
            }
            responses.ok(response, IntrospectionClaims.INACTIVE);
            return;
        }
        responses.ok(response, IntrospectionClaims.of(result.activeToken().get()));
    }
}
