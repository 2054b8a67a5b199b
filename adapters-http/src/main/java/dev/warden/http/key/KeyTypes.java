package dev.warden.http.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.domain.key.KeyType;
import dev.warden.http.json.WireValues;

import java.util.List;

/** ZITADEL's {@code zitadel.authn.v1.KeyType} on the wire: UNSPECIFIED is 0, JSON is 1. */
final class KeyTypes {

    static final String JSON = "KEY_TYPE_JSON";
    private static final List<String> NAMES = List.of("KEY_TYPE_UNSPECIFIED", JSON);

    private KeyTypes() {
    }

    /** The type sent as name or number; null for none or UNSPECIFIED, which the use case refuses. */
    static KeyType parse(JsonNode value, String field, String requestName) {
        return WireValues.enumIndex(value, NAMES, field, requestName) == 0 ? null : KeyType.JSON;
    }
}
