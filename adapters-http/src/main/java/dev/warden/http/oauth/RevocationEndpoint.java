package dev.warden.http.oauth;

import dev.warden.http.auth.ClientAddresses;
import dev.warden.application.oauth.OAuthRefusal;
import dev.warden.application.port.in.RevokeTokenCommand;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/**
 * {@code POST /oauth/v2/revoke} (RFC 7009): a service user revokes an access token issued to it,
 * authenticating with its client secret (Basic or form). 200 also for an unknown, expired or
 * malformed token (§2.2); {@code 400 unauthorized_client} for another client's token; {@code 400
 * unsupported_token_type} for a personal access token.
 */
public final class RevocationEndpoint implements HttpService {

    private final OAuthUseCases useCases;
    private final OAuthResponses responses;
    private final long maxBodyBytes;

    public RevocationEndpoint(OAuthUseCases useCases, OAuthResponses responses, long maxBodyBytes) {
        this.useCases = useCases;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/revoke", responses.handler(this::revoke))
                .any("/revoke", responses.methodNotAllowed("POST"));
    }

    private void revoke(ServerRequest request, ServerResponse response) {
        OAuthForm form = OAuthForm.read(request, maxBodyBytes);
        ClientAuthentication client = ClientAuthentication.of(request, form);
        if (client instanceof ClientAuthentication.None) {
            throw new OAuthException(OAuthError.invalidClient(
                    "revocation needs client_secret_basic, client_secret_post or private_key_jwt"));
        }
        String token = form.require("token");
        try {
            useCases.revoke().revoke(new RevokeTokenCommand(
                    client.credential().orElseThrow().from(ClientAddresses.of(request)), token));
        } catch (OAuthRefusal refusal) {
            throw OAuthRefusals.toException(refusal);
        }
        responses.ok(response, Map.of());
    }
}
