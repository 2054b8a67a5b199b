package dev.warden.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;

/**
 * JSON as ZITADEL's gateway writes it (protojson defaults): lowerCamelCase names, zero values
 * omitted, int64 as strings (wire records hold them as strings), unknown input fields ignored.
 */
public final class JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // protojson refuses a number or boolean where a string belongs; Jackson would convert it.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Sends {@code body} as JSON with the given status. */
    public void send(ServerResponse response, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("response is not serializable", e);
        }
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(bytes);
    }

    private final JsonBody body;

    /** @param maxBodyBytes the largest request body read; larger ones are answered 413 */
    public JsonCodec(long maxBodyBytes) {
        this.body = new JsonBody(mapper, maxBodyBytes);
    }

    /**
     * The request body bound to {@code type} (empty body = {@code {}}, snake_case accepted);
     * malformed input is an {@link dev.warden.application.error.InvalidArgumentException}.
     *
     * @param requestName ZITADEL's request message name, used in error messages
     */
    public <T> T read(ServerRequest request, Class<T> type, String requestName) {
        return body.read(request, type, requestName);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
