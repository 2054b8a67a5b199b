package dev.warden.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Driven port: Warden's own token signing keys. Claims are JSON-ready values (String, Long,
 * Boolean, List, Map). Keys rotate; a key stays published (and verifiable) until every token it
 * signed has expired.
 */
public interface SigningKeys {

    /** The claims signed with the active key as a compact JWS: RS256, header {@code typ: JWT} and {@code kid}. */
    String sign(Map<String, Object> claims);

    /**
     * The claims of a compact JWS that one of the published keys signed with RS256; empty when
     * the form, header ({@code alg}, {@code kid}, {@code crit}, key-by-reference headers) or
     * signature is wrong. Never throws on garbage; does not check expiry.
     */
    Optional<Map<String, Object>> verify(String compact);

    /** The JWKS {@code keys} members of the published keys: public members only. */
    List<Map<String, Object>> publishedKeys();
}
