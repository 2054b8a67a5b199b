package dev.warden.http.signing;

import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.GetJwksUseCase;
import dev.warden.http.json.JsonCodec;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Driving adapter: {@code GET /oauth/v2/keys}, the public keys of Warden's tokens; no authentication. */
public final class JwksEndpoint implements HttpService {

    private final GetJwksUseCase jwks;
    private final JsonCodec json;

    public JwksEndpoint(GetJwksUseCase jwks, JsonCodec json) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        PublicDocuments.serve(rules, OAuthSettings.JWKS_PATH, json, () -> new JwksResponse(jwks.getJwks().keys()));
    }

    /** RFC 7517 §5: {@code {"keys":[…]}}. */
    record JwksResponse(List<Map<String, Object>> keys) {
    }
}
