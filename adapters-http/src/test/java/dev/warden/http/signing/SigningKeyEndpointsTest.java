package dev.warden.http.signing;

import dev.warden.http.NoAuditEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.JwksResult;
import dev.warden.application.port.in.ListSigningKeysQuery;
import dev.warden.application.port.in.RotateSigningKeyCommand;
import dev.warden.application.port.in.SigningKeyListResult;
import dev.warden.application.port.in.SigningKeyResult;
import dev.warden.application.service.GetOpenIdConfigurationService;
import dev.warden.domain.signing.SigningKeyInfo;
import dev.warden.http.HttpAdapter;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWKS and discovery documents (public) and the signing-key admin routes (authenticated). */
@RoutingTest
class SigningKeyEndpointsTest {

    private static final String ISSUER = "https://warden.example.com";
    private static final Map<String, Object> JWK = Map.of("kty", "RSA", "use", "sig", "kid", "42", "alg", "RS256",
            "n", "sXch", "e", "AQAB");
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123Z");
    private static final AtomicReference<Object> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DirectClient client;

    SigningKeyEndpointsTest(DirectClient client) {
        this.client = client;
    }

    private static <T> T record(Object input, T answer) {
        RECEIVED.set(input);
        if (FAILURE.get() != null) {
            throw FAILURE.get();
        }
        return answer;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HttpAdapter recording = new RecordingUseCases().adapter();
        OAuthSettings settings = new OAuthSettings(ISSUER, Duration.ofHours(12), Duration.ofHours(12),
                Duration.ofHours(1), Duration.ofSeconds(5));
        SigningKeyUseCases keys = new SigningKeyUseCases(
                () -> new JwksResult(List.of(JWK)),
                new GetOpenIdConfigurationService(settings),
                c -> record(c, new SigningKeyResult(SigningKeyInfo.active("43", CREATED))),
                q -> record(q, new SigningKeyListResult(List.of(SigningKeyInfo.active("43", CREATED),
                        SigningKeyInfo.retired("42", CREATED.minusSeconds(60), CREATED.plusSeconds(3600))),
                        CREATED.plusSeconds(1))));
        WardenRouting.routing(routing, new HttpAdapter(recording.authenticate(), recording.orgs(), recording.users(),
                recording.members(), recording.secrets(), recording.keys(), recording.oauth(), keys,
                recording.projects(),
                NoAuditEvents.SEARCH));
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
        FAILURE.set(null);
    }

    private record Plain(int status, JsonNode json, Http1ClientResponse response) {
    }

    private Plain get(String path, String host) {
        var request = client.get(path);
        if (host != null) {
            request.header(HeaderNames.HOST, host).header(HeaderNames.create("X-Forwarded-Host"), host)
                    .header(HeaderNames.create("X-Forwarded-Proto"), "http");
        }
        Http1ClientResponse response = request.request();
        try {
            return new Plain(response.status().code(), JSON.readTree(response.as(String.class)), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJwksIsPublicCacheableAndHoldsTheKeysAsGiven() {
        Plain reply = get("/oauth/v2/keys", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().first(HeaderNames.CACHE_CONTROL)).contains("max-age=300, must-revalidate");
        assertThat(reply.response().headers().contentType().orElseThrow().text()).startsWith("application/json");
        assertThat(JSON.convertValue(reply.json(), Map.class)).isEqualTo(Map.of("keys", List.of(JWK)));
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuerWhateverTheRequestSays() {
        Plain reply = get("/.well-known/openid-configuration", "attacker.example");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().first(HeaderNames.CACHE_CONTROL)).contains("max-age=300, must-revalidate");
        JsonNode doc = reply.json();
        assertThat(doc.toString()).doesNotContain("attacker");
        assertThat(doc.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth/v2/token");
        assertThat(doc.get("introspection_endpoint").asText()).isEqualTo(ISSUER + "/oauth/v2/introspect");
        assertThat(doc.get("revocation_endpoint").asText()).isEqualTo(ISSUER + "/oauth/v2/revoke");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth/v2/keys");
        assertThat(doc.get("grant_types_supported").toString())
                .isEqualTo("[\"client_credentials\",\"urn:ietf:params:oauth:grant-type:jwt-bearer\"]");
        assertThat(doc.get("token_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\",\"client_secret_post\",\"private_key_jwt\"]");
        assertThat(doc.get("introspection_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\",\"private_key_jwt\"]");
        assertThat(doc.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(doc.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        assertThat(doc.has("authorization_endpoint")).as("no browser flows are served").isFalse();
        assertThat(doc.get("userinfo_endpoint").asText()).isEqualTo(ISSUER + "/oidc/v1/userinfo");
        assertThat(doc.get("claims_supported").toString()).contains("\"sub\"", "\"name\"", "\"preferred_username\"",
                "\"updated_at\"", "\"urn:zitadel:iam:user:resourceowner:id\"",
                "\"urn:zitadel:iam:user:resourceowner:name\"", "\"urn:zitadel:iam:user:resourceowner:primary_domain\"");
    }

    @Test
    void otherMethodsOnThePublicDocumentsAre405WithAllow() {
        for (String path : List.of("/oauth/v2/keys", "/.well-known/openid-configuration")) {
            for (Method method : List.of(Method.POST, Method.PUT, Method.DELETE)) {
                Http1ClientResponse response = client.method(method).path(path).request();
                assertThat(response.status().code()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().first(HeaderNames.ALLOW)).contains("GET, HEAD");
                assertThat(response.headers().first(HeaderNames.CACHE_CONTROL)).contains("no-store");
            }
        }
    }

    @Test
    void thePublicDocumentsIgnoreEvenAMalformedAuthorizationHeader() {
        Http1ClientResponse response = client.get("/oauth/v2/keys").header(HeaderNames.AUTHORIZATION, "Bearer  x y")
                .request();

        assertThat(response.status().code()).isEqualTo(200);
    }

    @Test
    void listingKeysIsAuthenticatedAndShowsStatesWithoutKeyMaterial() {
        assertThat(client.get("/admin/v1/signing_keys").request().status().code()).isEqualTo(401);

        Reply reply = RecordingUseCases.call(client, Method.GET, "/admin/v1/signing_keys", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(((ListSigningKeysQuery) RECEIVED.get()).caller()).isEqualTo(RecordingUseCases.CALLER);
        assertThat(reply.json().at("/result/0/kid").asText()).isEqualTo("43");
        assertThat(reply.json().at("/result/0/state").asText()).isEqualTo("ACTIVE");
        assertThat(reply.json().at("/result/0/creationDate").asText()).isEqualTo("2026-01-02T03:04:05.123Z");
        assertThat(reply.json().at("/result/0/publishedUntil").isMissingNode()).isTrue();
        assertThat(reply.json().at("/result/1/state").asText()).isEqualTo("PUBLISHED");
        assertThat(reply.json().at("/result/1/publishedUntil").asText()).isEqualTo("2026-01-02T04:04:05.123Z");
        assertThat(reply.response().headers().first(HeaderNames.CACHE_CONTROL)).contains("no-store");
    }

    @Test
    void rotatingAnswersTheNewActiveKeyAndRefusalsAreMapped() {
        Reply reply = RecordingUseCases.call(client, Method.POST, "/admin/v1/signing_keys/_rotate", "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(((RotateSigningKeyCommand) RECEIVED.get()).caller()).isEqualTo(RecordingUseCases.CALLER);
        assertThat(reply.json().at("/key/kid").asText()).isEqualTo("43");
        assertThat(reply.json().at("/key/state").asText()).isEqualTo("ACTIVE");

        FAILURE.set(new PermissionDeniedException("AUTH-5mWD2", "No matching permissions found"));
        assertThat(RecordingUseCases.call(client, Method.POST, "/admin/v1/signing_keys/_rotate", "").status())
                .isEqualTo(403);
        assertThat(RecordingUseCases.call(client, Method.POST, "/admin/v1/signing_keys/_rotate", "{").status())
                .isEqualTo(400);
        assertThat(RecordingUseCases.call(client, Method.GET, "/admin/v1/signing_keys/_rotate", null).status())
                .isEqualTo(405);
    }
}
