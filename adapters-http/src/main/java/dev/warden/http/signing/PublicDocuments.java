package dev.warden.http.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/** The shape both public documents share: GET only (405 with {@code Allow} otherwise), cacheable JSON. */
final class PublicDocuments {

    /** What ZITADEL sends with its JWKS (contract §7.2): caches refresh within five minutes. */
    static final String CACHE_CONTROL = "max-age=300, must-revalidate";

    private PublicDocuments() {
    }

    static void serve(HttpRules rules, String path, JsonCodec json, Supplier<Object> document) {
        rules.route(Method.GET, path, (req, res) -> send(res, json, document.get()))
                .route(Method.HEAD, path, (req, res) -> send(res, json, document.get()))
                .any(path, (req, res) -> {
                    res.header(HeaderNames.ALLOW, "GET, HEAD");
                    res.status(Status.METHOD_NOT_ALLOWED_405);
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.header(HeaderNames.CACHE_CONTROL, "no-store");
                    res.send(bytes(json, Map.of("error", "invalid_request", "error_description",
                            "method not allowed")));
                });
    }

    private static void send(ServerResponse response, JsonCodec json, Object body) {
        response.status(Status.OK_200);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        // Replaces the no-store every answer starts with: these documents are public and meant to be cached.
        response.header(HeaderNames.CACHE_CONTROL, CACHE_CONTROL);
        response.headers().remove(HeaderNames.PRAGMA);
        response.send(bytes(json, body));
    }

    private static byte[] bytes(JsonCodec json, Object body) {
        try {
            return json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("document is not serializable", e);
        }
    }
}
