package dev.warden.http.signing;

import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.GetOpenIdConfigurationUseCase;
import dev.warden.http.json.JsonCodec;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.Objects;

/**
 * Driving adapter: {@code GET /.well-known/openid-configuration}; no authentication. The issuer
 * and URLs come from configuration, never from the request's Host or forwarding headers.
 */
public final class OpenIdConfigurationEndpoint implements HttpService {

    private final GetOpenIdConfigurationUseCase discovery;
    private final JsonCodec json;

    public OpenIdConfigurationEndpoint(GetOpenIdConfigurationUseCase discovery, JsonCodec json) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        PublicDocuments.serve(rules, OAuthSettings.DISCOVERY_PATH, json,
                () -> OpenIdConfigurationResponse.from(discovery.getOpenIdConfiguration()));
    }
}
