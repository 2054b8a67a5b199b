package dev.warden.http.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.port.in.AddMachineKeyCommand;
import dev.warden.application.port.in.AddedMachineKeyResult;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.GetMachineKeyQuery;
import dev.warden.application.port.in.ListMachineKeysQuery;
import dev.warden.application.port.in.MachineKeyListResult;
import dev.warden.application.port.in.MachineKeyResult;
import dev.warden.application.port.in.RemoveMachineKeyCommand;
import dev.warden.domain.key.KeyType;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.key.MachineKeyFile;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.http.WardenRouting;
import dev.warden.http.error.ErrorMapping;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.user.RecordingUseCases;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.warden.http.user.RecordingUseCases.CHANGED;
import static dev.warden.http.user.RecordingUseCases.CREATED;
import static dev.warden.http.user.RecordingUseCases.ORG_ID;
import static dev.warden.http.user.RecordingUseCases.PRINCIPAL;
import static dev.warden.http.user.RecordingUseCases.USER_ID;
import static dev.warden.http.user.RecordingUseCases.VIEWED;
import static dev.warden.http.user.RecordingUseCases.WRITTEN;
import static dev.warden.http.user.RecordingUseCases.assertInvalidArgument;
import static dev.warden.http.user.RecordingUseCases.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine key routes: wire shapes, commands, error mapping, and where the private key may
 * appear. The routing is built here as {@code WardenRouting} builds it (error mapping, then a
 * handler that authenticates, then the endpoint), with a fixed principal in place of real
 * authentication.
 */
@RoutingTest
class MachineKeyEndpointTest {

    private static final String KEYS = "/management/v1/users/" + USER_ID + "/keys";
    private static final long KEY_ID = 291746500141359105L;
    private static final KeyPair PAIR = FakeRsaKeyGenerator.pair(0);
    private static final MachineKey KEY = new MachineKey(KEY_ID, USER_ID, ORG_ID,
            RsaKeys.publicKeyPem((RSAPublicKey) PAIR.getPublic()), MachineKey.NO_EXPIRATION, 9, CREATED, CHANGED);
    private static final byte[] KEY_FILE = MachineKeyFile.of(KEY, (RSAPrivateCrtKey) PAIR.getPrivate()).toJson();
    private static final String PRIVATE_KEY_LINE = privateKeyLine();
    private static final String KEY_VIEW = """
            {"id":"291746500141359105",
             "details":{"sequence":"9","creationDate":"2025-08-28T09:14:42.492Z",
                        "changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"},
             "type":"KEY_TYPE_JSON","expirationDate":"9999-12-31T23:59:59Z"}""";

    private static final AtomicReference<Object> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();
    private static final AtomicReference<Page<MachineKey>> PAGE = new AtomicReference<>();

    private final DirectClient client;

    MachineKeyEndpointTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JsonCodec json = new JsonCodec(WardenRouting.DEFAULT_MAX_BODY_BYTES);
        new ErrorMapping(json).register(routing);
        routing.any("/management/v1/*", (request, response) -> {
            request.context().register(Principal.class, PRINCIPAL);
            response.next();
        });
        MachineKeyUseCases keys = new MachineKeyUseCases(
                command -> record(command, new AddedMachineKeyResult(KEY, command.hasPublicKey() ? null : KEY_FILE)),
                query -> record(query, new MachineKeyResult(KEY)),
                query -> record(query, new MachineKeyListResult(PAGE.get(), VIEWED)),
                command -> record(command, new DetailsResult(10, WRITTEN, ORG_ID)));
        routing.register("/management/v1", new MachineKeyEndpoint(keys, json));
    }

    private static <T> T record(Object input, T answer) {
        RECEIVED.set(input);
        RuntimeException failure = FAILURE.get();
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
        FAILURE.set(null);
        PAGE.set(new Page<>(List.of(KEY), 1));
    }

    // --- add ------------------------------------------------------------------------------------

    @Test
    void addWithoutPublicKeyAnswersTheKeyFileAsStandardBase64() {
        Reply reply = call(Method.POST, KEYS, "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"2519-04-01T08:45:00Z\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("keyId").asText()).isEqualTo("291746500141359105");
        String keyDetails = reply.json().get("keyDetails").asText();
        assertThat(keyDetails).matches("[A-Za-z0-9+/]+={0,2}");
        assertThat(Base64.getDecoder().decode(keyDetails)).isEqualTo(KEY_FILE);
        assertThat(reply.json().get("details")).isEqualTo(json(
                "{\"sequence\":\"9\",\"creationDate\":\"2025-08-28T09:14:42.492Z\",\"resourceOwner\":\"291743516339486721\"}"));

        AddMachineKeyCommand command = (AddMachineKeyCommand) RECEIVED.get();
        assertThat(command.userId()).isEqualTo(Long.toString(USER_ID));
        assertThat(command.type()).isEqualTo(KeyType.JSON);
        assertThat(command.expirationDate()).isEqualTo(Instant.parse("2519-04-01T08:45:00Z"));
        assertThat(command.publicKey()).isNull();
        assertThat(command.caller().principal()).isEqualTo(PRINCIPAL);
    }

    @Test
    void keyFileInKeyDetailsHoldsThePrivateHalfOfTheStoredKey() {
        Reply reply = call(Method.POST, KEYS, "{\"type\":\"KEY_TYPE_JSON\"}");
        JsonNode file = json(new String(Base64.getDecoder().decode(reply.json().get("keyDetails").asText()),
                StandardCharsets.UTF_8));

        assertThat(file.get("type").asText()).isEqualTo("serviceaccount");
        assertThat(file.get("keyId").asText()).isEqualTo("291746500141359105");
        assertThat(file.get("userId").asText()).isEqualTo(Long.toString(USER_ID));
        assertThat(file.get("expirationDate").asText()).isEqualTo("9999-12-31T23:59:59Z");
        RSAPrivateCrtKey privateKey = RsaKeys.parsePrivateKeyPkcs1Pem(file.get("key").asText()).orElseThrow();
        assertThat(privateKey.getModulus()).isEqualTo(KEY.publicKey().getModulus());
    }

    @Test
    void addWithPublicKeyTakesTheBase64OfThePemAndAnswersNoKeyDetails() {
        byte[] pem = KEY.publicKeyPem().getBytes(StandardCharsets.US_ASCII);

        Reply reply = call(Method.POST, KEYS, "{\"type\":\"KEY_TYPE_JSON\",\"publicKey\":\""
                + Base64.getEncoder().encodeToString(pem) + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("keyDetails")).isFalse();
        assertThat(reply.json().get("keyId").asText()).isEqualTo("291746500141359105");
        assertThat(((AddMachineKeyCommand) RECEIVED.get()).publicKey()).isEqualTo(pem);
    }

    @Test
    void publicKeyMayBeUrlSafeBase64WithoutPaddingAndFieldsSnakeCaseAndTheTypeANumber() {
        byte[] pem = (KEY.publicKeyPem() + "\n").getBytes(StandardCharsets.US_ASCII);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(pem);

        call(Method.POST, KEYS, "{\"type\":1,\"expiration_date\":\"2030-01-01T01:00:00+01:00\",\"public_key\":\""
                + urlSafe + "\"}");

        AddMachineKeyCommand command = (AddMachineKeyCommand) RECEIVED.get();
        assertThat(command.publicKey()).isEqualTo(pem);
        assertThat(command.type()).isEqualTo(KeyType.JSON);
        assertThat(command.expirationDate()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void missingOrUnspecifiedTypeGoesToTheUseCaseAsNone() {
        for (String body : new String[] {"{}", "", "{\"type\":\"KEY_TYPE_UNSPECIFIED\"}", "{\"type\":0}",
                "{\"type\":null}"}) {
            RECEIVED.set(null);
            call(Method.POST, KEYS, body);
            assertThat(((AddMachineKeyCommand) RECEIVED.get()).type()).as(body).isNull();
        }
    }

    @Test
    void undecodableValuesAre400WithoutCallingTheUseCase() {
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":\"KEY_TYPE_PEM\"}"),
                "invalid AddMachineKeyRequest.Type: value must be one of KEY_TYPE_UNSPECIFIED, KEY_TYPE_JSON");
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":2}"), "invalid AddMachineKeyRequest.Type");
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":1,\"publicKey\":\"not base64!\"}"),
                "invalid AddMachineKeyRequest.PublicKey: not base64");
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":1,\"publicKey\":\"ab+c-d\"}"),
                "invalid AddMachineKeyRequest.PublicKey: not base64");
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":1,\"publicKey\":42}"),
                "invalid AddMachineKeyRequest: a field has the wrong type");
        assertInvalidArgument(call(Method.POST, KEYS, "{\"type\":1,\"expirationDate\":\"tomorrow\"}"),
                "invalid AddMachineKeyRequest.ExpirationDate: not an RFC 3339 timestamp");
        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void theUseCasesRefusalsKeepTheContractsCodes() {
        FAILURE.set(new InvalidArgumentException("COMMAND-5F3h1",
                "Public key is not a valid RSA public key in PKIX format with PEM encoding"));
        Reply invalid = call(Method.POST, KEYS, "{\"type\":1,\"publicKey\":\"aGVsbG8=\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asInt()).isEqualTo(3);
        assertThat(invalid.json().get("message").asText())
                .isEqualTo("Public key is not a valid RSA public key in PKIX format with PEM encoding (COMMAND-5F3h1)");
        assertThat(invalid.json().at("/details/0/id").asText()).isEqualTo("COMMAND-5F3h1");

        FAILURE.set(new InvalidArgumentException(null, "invalid AddMachineKeyRequest.Type: value must not be in list [0]"));
        assertInvalidArgument(call(Method.POST, KEYS, "{}"),
                "invalid AddMachineKeyRequest.Type: value must not be in list [0]");

        FAILURE.set(new PreconditionFailedException("COMMAND-bnipwm1", "User could not be found"));
        Reply noUser = call(Method.POST, KEYS, "{\"type\":1}");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().get("code").asInt()).isEqualTo(9);
        assertThat(noUser.json().get("message").asText()).isEqualTo("User could not be found (COMMAND-bnipwm1)");

        FAILURE.set(new PermissionDeniedException("AUTH-5mWD2", "No matching permissions found"));
        assertThat(call(Method.POST, KEYS, "{\"type\":1}").status()).isEqualTo(403);

        FAILURE.set(new UnavailableException("KEY-busy", "Too many concurrent key generations, retry later"));
        Reply busy = call(Method.POST, KEYS, "{\"type\":1}");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.response().headers().first(io.helidon.http.HeaderNames.RETRY_AFTER)).contains("1");
    }

    @Test
    void theOrganizationHeaderReachesTheUseCase() {
        RecordingUseCases.call(client, Method.POST, KEYS, "{\"type\":1}", "291743516339486999");

        assertThat(((AddMachineKeyCommand) RECEIVED.get()).caller().requestedOrgId()).isEqualTo("291743516339486999");
    }

    // --- get, list, remove ----------------------------------------------------------------------

    @Test
    void getAnswersTheKeyItemWithBothDates() {
        Reply reply = call(Method.GET, KEYS + "/" + KEY_ID, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"key\":" + KEY_VIEW + "}"));
        GetMachineKeyQuery query = (GetMachineKeyQuery) RECEIVED.get();
        assertThat(query.userId()).isEqualTo(Long.toString(USER_ID));
        assertThat(query.keyId()).isEqualTo(Long.toString(KEY_ID));
    }

    @Test
    void getOfAnUnknownKeyIs404WithZitadelsUntranslatedKey() {
        FAILURE.set(new NotFoundException("QUERY-Tha6f", "Errors.AuthNKey.NotFound"));

        Reply reply = call(Method.GET, KEYS + "/1", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(5);
        assertThat(reply.json().get("message").asText()).isEqualTo("Errors.AuthNKey.NotFound (QUERY-Tha6f)");
    }

    @Test
    void listAnswersDetailsAndItemsAndMapsThePaging() {
        Reply reply = call(Method.POST, KEYS + "/_search", "{\"query\":{\"offset\":\"2\",\"limit\":5,\"asc\":true}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"details\":{\"totalResult\":\"1\",\"viewTimestamp\":\"2025-08-28T09:15:11.500Z\"},"
                + "\"result\":[" + KEY_VIEW + "]}"));
        ListMachineKeysQuery query = (ListMachineKeysQuery) RECEIVED.get();
        assertThat(query.userId()).isEqualTo(Long.toString(USER_ID));
        assertThat(query.page()).isEqualTo(new PageRequest(2, 5, true));
    }

    @Test
    void emptyListHasNoResultKeyAndNoTotal() {
        PAGE.set(new Page<>(List.of(), 0));

        Reply reply = call(Method.POST, KEYS + "/_search", null);

        assertThat(reply.json()).isEqualTo(json("{\"details\":{\"viewTimestamp\":\"2025-08-28T09:15:11.500Z\"}}"));
        assertThat(((ListMachineKeysQuery) RECEIVED.get()).page()).isEqualTo(new PageRequest(0, 1000, false));
    }

    @Test
    void removeAnswersChangeDetails() {
        Reply reply = call(Method.DELETE, KEYS + "/" + KEY_ID, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json(
                "{\"details\":{\"sequence\":\"10\",\"changeDate\":\"2025-08-28T09:20:00Z\",\"resourceOwner\":\"291743516339486721\"}}"));
        RemoveMachineKeyCommand command = (RemoveMachineKeyCommand) RECEIVED.get();
        assertThat(command.userId()).isEqualTo(Long.toString(USER_ID));
        assertThat(command.keyId()).isEqualTo(Long.toString(KEY_ID));
    }

    @Test
    void removeOfAnUnknownKeyIs404() {
        FAILURE.set(new NotFoundException("COMMAND-4m77G", "Machine key not found"));

        Reply reply = call(Method.DELETE, KEYS + "/1", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Machine key not found (COMMAND-4m77G)");
    }

    // --- where the private key may appear -------------------------------------------------------

    @Test
    void onlyTheAnswerToAGeneratingAddCarriesAKey() {
        assertThat(call(Method.GET, KEYS + "/" + KEY_ID, null).text()).doesNotContain("key\":\"", "BEGIN",
                PRIVATE_KEY_LINE);
        assertThat(call(Method.POST, KEYS + "/_search", "{}").text()).doesNotContain("BEGIN", PRIVATE_KEY_LINE);
        assertThat(call(Method.POST, KEYS, "{\"type\":1,\"publicKey\":\""
                + Base64.getEncoder().encodeToString(KEY.publicKeyPem().getBytes(StandardCharsets.US_ASCII)) + "\"}")
                .text()).doesNotContain("keyDetails");
        AddMachineKeyResponse response = AddMachineKeyResponse.from(new AddedMachineKeyResult(KEY, KEY_FILE));
        assertThat(response.toString()).contains("redacted").doesNotContain(response.keyDetails());
    }

    @Test
    void thePrivateKeyReachesNoLogLine() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        String keyDetails;
        try {
            keyDetails = call(Method.POST, KEYS, "{\"type\":1}").json().get("keyDetails").asText();
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        for (LogRecord record : records) {
            String text = record.getMessage() + " " + record.getThrown() + " "
                    + java.util.Arrays.toString(record.getParameters());
            assertThat(text).doesNotContain(keyDetails.substring(0, 40)).doesNotContain(PRIVATE_KEY_LINE);
        }
    }

    private Reply call(Method method, String path, String body) {
        return RecordingUseCases.call(client, method, path, body);
    }

    /** A line from the middle of the PEM of the private key, to look for where it must not be. */
    private static String privateKeyLine() {
        String pem = RsaKeys.privateKeyPkcs1Pem((RSAPrivateCrtKey) PAIR.getPrivate());
        return pem.lines().skip(5).findFirst().orElseThrow();
    }
}
