package dev.warden.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.http.json.WireValues;

import java.util.List;

/** ZITADEL's {@code zitadel.user.v1.AccessTokenType} on the wire: BEARER is 0, the default. */
final class AccessTokenTypes {

    private static final List<String> NAMES = List.of("ACCESS_TOKEN_TYPE_BEARER", "ACCESS_TOKEN_TYPE_JWT");

    private AccessTokenTypes() {
    }

    static AccessTokenType parse(JsonNode value, String field, String requestName) {
        return WireValues.enumIndex(value, NAMES, field, requestName) == 0 ? AccessTokenType.BEARER
                : AccessTokenType.JWT;
    }

    /** The wire name, or null for BEARER: protojson omits an enum's zero value. */
    static String name(AccessTokenType type) {
        return switch (type) {
            case BEARER -> null;
            case JWT -> "ACCESS_TOKEN_TYPE_JWT";
        };
    }
}
