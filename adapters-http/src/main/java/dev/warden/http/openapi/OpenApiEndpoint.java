package dev.warden.http.openapi;

import dev.warden.http.error.ErrorResponse;
import dev.warden.http.error.GrpcCode;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Driving adapter: {@code GET /openapi}, the OpenAPI 3 document of every route (hand-written YAML
 * in the jar, read once); no authentication, the usual security headers. A test in bootstrap holds
 * the document to the routes the server registers.
 */
public final class OpenApiEndpoint implements HttpService {

    public static final String PATH = "/openapi";
    /** Where the document is in the jar. */
    public static final String RESOURCE = "/openapi/warden.yaml";
    /** RFC 9512's media type for YAML. */
    public static final String CONTENT_TYPE = "application/yaml; charset=UTF-8";

    private final JsonCodec json;
    private final byte[] document;

    public OpenApiEndpoint(JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
        this.document = read();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.route(Method.GET, PATH, (req, res) -> send(res))
                .route(Method.HEAD, PATH, (req, res) -> send(res))
                .any(PATH, (req, res) -> {
                    res.header(HeaderNames.ALLOW, "GET, HEAD");
                    json.send(res, Status.METHOD_NOT_ALLOWED_405,
                            ErrorResponse.plain(GrpcCode.UNIMPLEMENTED.code(), "Method Not Allowed"));
                });
    }

    private void send(ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE).send(document);
    }

    private static byte[] read() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document missing from the jar: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
