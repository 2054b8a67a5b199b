package dev.warden.http.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.http.error.GrpcCode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Driving adapter: the answers Helidon writes itself, before or around the routing (a malformed
 * request line, header or path, a header block or body over the listener's limits, an unsupported
 * HTTP version). They are JSON in the shape of the API the path belongs to (OAuth's under
 * {@code /oauth} and {@code /oidc}, the management API's elsewhere) and carry the security
 * headers. The message is the status's reason phrase, never Helidon's exception text, which can
 * quote the offending input.
 */
public final class TransportErrors implements DirectHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransportErrors() {
    }

    /** A handler for every event type Helidon knows. */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        TransportErrors handler = new TransportErrors();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders responseHeaders, String message) {
        TransportResponse.Builder response = TransportResponse.builder()
                .status(status)
                .headers(responseHeaders)
                .keepAlive(eventType.keepAlive());
        SecurityHeaders.all().forEach(response::header);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        return response.entity(body(request == null ? null : request.path(), status)).build();
    }

    static byte[] body(String path, Status status) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (path != null && (path.startsWith("/oauth/") || path.startsWith("/oidc/"))) {
            body.put("error", status.code() >= 500 ? "server_error" : "invalid_request");
            body.put("error_description", status.reasonPhrase());
        } else {
            body.put("code", GrpcCode.forStatus(status.code()).code());
            body.put("message", status.reasonPhrase());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("error body is not serializable", e);
        }
    }
}
