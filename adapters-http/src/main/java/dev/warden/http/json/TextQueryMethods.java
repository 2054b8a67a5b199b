package dev.warden.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.domain.query.TextMatch;

import java.util.List;

/** ZITADEL's {@code TextQueryMethod} enum on the wire (name or number; absent = EQUALS). */
public final class TextQueryMethods {

    private static final List<String> NAMES = List.of("TEXT_QUERY_METHOD_EQUALS",
            "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE", "TEXT_QUERY_METHOD_STARTS_WITH",
            "TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE", "TEXT_QUERY_METHOD_CONTAINS",
            "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE", "TEXT_QUERY_METHOD_ENDS_WITH",
            "TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE");

    private TextQueryMethods() {
    }

    public static TextMatch parse(JsonNode method, String field, String requestName) {
        // The wire order is the domain enum's order.
        return TextMatch.values()[WireValues.enumIndex(method, NAMES, field, requestName)];
    }
}
