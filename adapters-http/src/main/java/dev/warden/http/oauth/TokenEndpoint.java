package dev.warden.http.oauth;

import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.oauth.OAuthRefusal;
import dev.warden.application.port.in.IssueClientCredentialsTokenCommand;
import dev.warden.application.port.in.IssueJwtProfileTokenCommand;
import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.http.auth.ClientAddresses;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth/v2/token} (contract §7.3): the client-credentials grant (client secret by
 * Basic or form) and the JWT-profile grant (RFC 7523). Client authentication failures are {@code
 * 401 invalid_client} with a challenge (RFC 6749 §5.2, where ZITADEL answers 400); a bad
 * assertion is always {@code 400 invalid_grant} (where ZITADEL answers 500).
 */
public final class TokenEndpoint implements HttpService {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    private final OAuthUseCases useCases;
    private final OAuthResponses responses;
    private final long maxBodyBytes;

    public TokenEndpoint(OAuthUseCases useCases, OAuthResponses responses, long maxBodyBytes) {
        this.useCases = useCases;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/token", responses.handler(this::token))
                .any("/token", responses.methodNotAllowed("POST"));
    }

    private void token(ServerRequest request, ServerResponse response) {
        OAuthForm form = OAuthForm.read(request, maxBodyBytes);
        String grantType = form.get("grant_type")
                .orElseThrow(() -> new OAuthException(OAuthError.invalidRequest("grant_type missing")));
        IssuedTokenResult issued;
        try {
            issued = switch (grantType) {
                case CLIENT_CREDENTIALS -> clientCredentials(request, form);
                case CredentialSchemes.JWT_BEARER_GRANT -> useCases.jwtProfile().issue(
                        new IssueJwtProfileTokenCommand(form.require("assertion"), form.get("scope").orElse("")));
                default -> throw new OAuthException(OAuthError.unsupportedGrantType(OAuthForm.printable(grantType)));
            };
        } catch (OAuthRefusal refusal) {
            throw OAuthRefusals.toException(refusal);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", issued.tokenType());
        body.put("expires_in", issued.expiresIn());
        body.put("scope", issued.scope());
        issued.idToken().ifPresent(idToken -> body.put("id_token", idToken));
        responses.ok(response, body);
    }

    private IssuedTokenResult clientCredentials(ServerRequest request, OAuthForm form) {
        ClientAuthentication client = ClientAuthentication.of(request, form);
        if (client instanceof ClientAuthentication.None) {
            throw new OAuthException(OAuthError.invalidClient(
                    "client_credentials needs client_secret_basic, client_secret_post or private_key_jwt"));
        }
        return useCases.clientCredentials().issue(new IssueClientCredentialsTokenCommand(
                client.credential().orElseThrow().from(ClientAddresses.of(request)), form.get("scope").orElse("")));
    }
}
