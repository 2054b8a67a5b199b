package dev.warden.http.secret;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GenerateMachineSecretCommand;
import dev.warden.application.port.in.GeneratedMachineSecretResult;
import dev.warden.application.port.in.RemoveMachineSecretCommand;
import dev.warden.domain.principal.Principal;
import dev.warden.http.WardenRouting;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.user.RecordingUseCases;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static dev.warden.http.user.RecordingUseCases.CALLER;
import static dev.warden.http.user.RecordingUseCases.DETAILS;
import static dev.warden.http.user.RecordingUseCases.ORG_ID;
import static dev.warden.http.user.RecordingUseCases.PRINCIPAL;
import static dev.warden.http.user.RecordingUseCases.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire mapping of the client-secret routes, against recording use cases. The routing is built
 * here, not by {@link WardenRouting}: the error mapping, a stand-in for the authentication
 * handler that puts the principal on every request, and the endpoint.
 */
@RoutingTest
class MachineSecretEndpointTest {

    private static final String SECRET = "b3Zc9QmIZpq7LBEm3x6cJrQ1ZvV2yBj7y0yX8kV8pR3sQ5n1W6o0hYtUaFqDjGkL";
    private static final Instant GENERATED_AT = Instant.parse("2025-08-28T09:16:00.123456Z");
    private static final GeneratedMachineSecretResult GENERATED = new GeneratedMachineSecretResult("robot", SECRET,
            new DetailsResult(8, GENERATED_AT, ORG_ID));
    private static final String PATH = "/management/v1/users/291745830282477569/secret";
    private static final AtomicReference<Object> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();

    private final DirectClient client;

    MachineSecretEndpointTest(DirectClient client) {
        this.client = client;
    }

    private static <T> T record(Object input, T answer) {
        RECEIVED.set(input);
        RuntimeException failure = FAILURE.get();
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JsonCodec json = new JsonCodec(WardenRouting.DEFAULT_MAX_BODY_BYTES);
        new ErrorMapping(json).register(routing);
        // What AuthenticationHandler does for a verified credential.
        routing.any("/management/v1/*", (request, response) -> {
            request.context().register(Principal.class, PRINCIPAL);
            response.next();
        });
        routing.register("/management/v1", new MachineSecretEndpoint(new MachineSecretUseCases(
                command -> record(command, GENERATED), command -> record(command, DETAILS)), json));
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
        FAILURE.set(null);
    }

    private Reply call(Method method, String path, String body) {
        return RecordingUseCases.call(client, method, path, body);
    }

    // --- PUT /users/{userId}/secret ------------------------------------------------------------

    @Test
    void generateAnswersClientIdSecretAndCreationDetailsAsZitadelDoes() {
        Reply reply = call(Method.PUT, PATH, "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"clientId":"robot",
                 "clientSecret":"b3Zc9QmIZpq7LBEm3x6cJrQ1ZvV2yBj7y0yX8kV8pR3sQ5n1W6o0hYtUaFqDjGkL",
                 "details":{"sequence":"8","creationDate":"2025-08-28T09:16:00.123456Z",
                            "resourceOwner":"291743516339486721"}}"""));
        assertThat(reply.text()).startsWith("{\"clientId\":\"robot\",\"clientSecret\":");
        assertThat(RECEIVED.get()).isEqualTo(new GenerateMachineSecretCommand(CALLER, "291745830282477569"));
    }

    @Test
    void theAnswerWithTheSecretIsNeverCached() {
        Reply reply = call(Method.PUT, PATH, "{}");

        assertThat(reply.response().headers().first(HeaderNames.CACHE_CONTROL)).contains("no-store");
        assertThat(reply.response().headers().first(HeaderNames.CONTENT_TYPE)).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void generateTakesAnEmptyBodyOrUnknownFieldsAsEmpty() {
        assertThat(call(Method.PUT, PATH, null).status()).isEqualTo(200);
        assertThat(call(Method.PUT, PATH, "").status()).isEqualTo(200);
        assertThat(call(Method.PUT, PATH, "{\"userId\":\"999\",\"extra\":{\"n\":[1]}}").status()).isEqualTo(200);
        assertThat(RECEIVED.get()).isEqualTo(new GenerateMachineSecretCommand(CALLER, "291745830282477569"));
    }

    @Test
    void generateWithAMalformedBodyIs400AndGeneratesNothing() {
        RecordingUseCases.assertInvalidArgument(call(Method.PUT, PATH, "{"),
                "invalid GenerateMachineSecretRequest: body is not valid JSON");
        RecordingUseCases.assertInvalidArgument(call(Method.PUT, PATH, "[]"),
                "invalid GenerateMachineSecretRequest: body must be a JSON object");
        RecordingUseCases.assertInvalidArgument(call(Method.PUT, PATH, "{} {}"),
                "invalid GenerateMachineSecretRequest: body is not valid JSON");

        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void generatePassesTheIdAsSentAndTheOrgHeader() {
        RecordingUseCases.call(client, Method.PUT, "/management/v1/users/not-a-number/secret", "{}",
                "291743516339486999");

        assertThat(RECEIVED.get()).isEqualTo(new GenerateMachineSecretCommand(
                RecordingUseCases.caller("291743516339486999"), "not-a-number"));
    }

    @Test
    void unknownUserIs400FailedPreconditionWithZitadelsId() {
        FAILURE.set(new PreconditionFailedException("COMMAND-x7s802", "Errors.User.NotExisting"));

        for (Method method : new Method[] {Method.PUT, Method.DELETE}) {
            Reply reply = call(method, PATH, method == Method.PUT ? "{}" : null);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json()).isEqualTo(json("""
                    {"code":9,"message":"Errors.User.NotExisting (COMMAND-x7s802)","details":[{
                     "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-x7s802",
                     "message":"Errors.User.NotExisting"}]}"""));
        }
    }

    @Test
    void refusalsOfAccessControlKeepTheirCodes() {
        FAILURE.set(new PermissionDeniedException("AUTH-5mWD2", "No matching permissions found"));
        Reply denied = call(Method.PUT, PATH, "{}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asInt()).isEqualTo(7);

        FAILURE.set(new NotFoundException("AUTHZ-cdgFk", "membership not found"));
        Reply noMembership = call(Method.DELETE, PATH, null);
        assertThat(noMembership.status()).isEqualTo(404);
        assertThat(noMembership.json().get("message").asText()).isEqualTo("membership not found (AUTHZ-cdgFk)");
    }

    @Test
    void wireRecordsNeverShowTheSecretInToString() {
        assertThat(GenerateMachineSecretResponse.from(GENERATED).toString()).doesNotContain(SECRET)
                .contains("redacted");
        assertThat(GENERATED.toString()).doesNotContain(SECRET);
    }

    // --- DELETE /users/{userId}/secret ---------------------------------------------------------

    @Test
    void removeAnswersChangeDetails() {
        Reply reply = call(Method.DELETE, PATH, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"sequence":"6","changeDate":"2025-08-28T09:20:00Z","resourceOwner":"291743516339486721"}}"""));
        assertThat(RECEIVED.get()).isEqualTo(new RemoveMachineSecretCommand(CALLER, "291745830282477569"));
        assertThat(DETAILS.sequence()).isEqualTo(6);
    }

    @Test
    void removeWithoutASecretIs400WithZitadelsText() {
        FAILURE.set(new PreconditionFailedException("COMMAND-coi82n", "Secret doesn't exist"));

        Reply reply = call(Method.DELETE, PATH, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(9);
        assertThat(reply.json().get("message").asText()).isEqualTo("Secret doesn't exist (COMMAND-coi82n)");
        assertThat(reply.json().at("/details/0/id").asText()).isEqualTo("COMMAND-coi82n");
    }
}
