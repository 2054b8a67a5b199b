package dev.warden.http.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransportErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aManagementPathGetsTheManagementShapeWithTheReasonPhraseOnly() throws Exception {
        JsonNode body = JSON.readTree(TransportErrors.body("/management/v1/orgs/me", Status.BAD_REQUEST_400));

        assertThat(body.toString()).isEqualTo("{\"code\":3,\"message\":\"Bad Request\"}");
        assertThat(JSON.readTree(TransportErrors.body(null, Status.REQUEST_ENTITY_TOO_LARGE_413)).toString())
                .isEqualTo("{\"code\":8,\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void anOAuthPathGetsTheOAuthShape() throws Exception {
        assertThat(JSON.readTree(TransportErrors.body("/oauth/v2/token", Status.BAD_REQUEST_400)).toString())
                .isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"Bad Request\"}");
        assertThat(JSON.readTree(TransportErrors.body("/oidc/v1/userinfo", Status.INTERNAL_SERVER_ERROR_500))
                .at("/error").asText()).isEqualTo("server_error");
    }

    @Test
    void everyEventTypeIsAnsweredAsJsonWithTheSecurityHeaders() {
        var handlers = TransportErrors.directHandlers();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            DirectHandler.TransportResponse response = handlers.handler(type).handle(DirectHandler.TransportRequest.empty(),
                    type, type.defaultStatus(), ServerResponseHeaders.create(), "internal detail: java.lang.Oops");

            assertThat(response.status()).isEqualTo(type.defaultStatus());
            assertThat(response.headers().first(HeaderNames.CONTENT_TYPE)).contains("application/json");
            SecurityHeaders.all().forEach(header ->
                    assertThat(response.headers().first(header.headerName())).contains(header.get()));
            assertThat(new String(response.entity().orElseThrow())).doesNotContain("java.").doesNotContain("detail");
        }
    }
}
