package dev.warden.application.port.in;

import java.util.List;
import java.util.Map;

/** The JWKS {@code keys} members: public members only (kty, use, kid, alg, n, e). */
public record JwksResult(List<Map<String, Object>> keys) {
    public JwksResult {
        keys = keys.stream().map(Map::copyOf).toList();
    }
}
