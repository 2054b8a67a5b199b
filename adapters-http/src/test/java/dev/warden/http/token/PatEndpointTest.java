package dev.warden.http.token;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.application.port.in.GetPersonalAccessTokenQuery;
import dev.warden.application.port.in.ListPersonalAccessTokensQuery;
import dev.warden.application.port.in.PersonalAccessTokenListResult;
import dev.warden.application.port.in.PersonalAccessTokenResult;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.http.WardenRouting;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.warden.http.user.RecordingUseCases.CALLER;
import static dev.warden.http.user.RecordingUseCases.CHANGED;
import static dev.warden.http.user.RecordingUseCases.CREATED;
import static dev.warden.http.user.RecordingUseCases.HASH;
import static dev.warden.http.user.RecordingUseCases.ORG_ID;
import static dev.warden.http.user.RecordingUseCases.PAT;
import static dev.warden.http.user.RecordingUseCases.PRINCIPAL;
import static dev.warden.http.user.RecordingUseCases.TOKEN_ID;
import static dev.warden.http.user.RecordingUseCases.TOKEN_STRING;
import static dev.warden.http.user.RecordingUseCases.USER_ID;
import static dev.warden.http.user.RecordingUseCases.VIEWED;
import static dev.warden.http.user.RecordingUseCases.assertInvalidArgument;
import static dev.warden.http.user.RecordingUseCases.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The personal access token routes: wire shapes, commands, error mapping, and where the token may appear. */
@RoutingTest
class PatEndpointTest {

    private static final RecordingUseCases USE_CASES = new RecordingUseCases();
    private static final String PATS = "/management/v1/users/291745830282477569/pats";
    private static final String TOKEN_VIEW = """
            {"id":"291746120515731457",
             "details":{"sequence":"5","creationDate":"2025-08-28T09:14:42.492Z",
                        "changeDate":"2025-08-28T09:15:10.001Z","resourceOwner":"291743516339486721"},
             "expirationDate":"9999-12-31T23:59:59Z",
             "scopes":["openid","profile","urn:zitadel:iam:user:metadata","urn:zitadel:iam:user:resourceowner"]}""";

    private final DirectClient client;

    PatEndpointTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        WardenRouting.routing(routing, USE_CASES.adapter());
    }

    @BeforeEach
    void reset() {
        USE_CASES.reset();
    }

    private Reply call(Method method, String path, String body) {
        return RecordingUseCases.call(client, method, path, body);
    }

    private Reply call(Method method, String path, String body, String orgId) {
        return RecordingUseCases.call(client, method, path, body, orgId);
    }

    private static void assertNoSecret(Reply reply) {
        assertThat(reply.text()).doesNotContain(TOKEN_STRING).doesNotContain("\"token\":\"")
                .doesNotContain(HASH.phc()).doesNotContain("argon2");
    }

    // --- POST /users/{userId}/pats -------------------------------------------------------------

    @Test
    void addAnswersTheTokenOnceWithCreationDetails() {
        Reply reply = call(Method.POST, PATS, "{\"expirationDate\":\"2519-04-01T08:45:00Z\"}");

        assertThat(reply.status()).isEqualTo(200);
        // creationDate here, not changeDate (contract §3.1).
        assertThat(reply.json()).isEqualTo(json("""
                {"tokenId":"291746120515731457",
                 "token":"%s",
                 "details":{"sequence":"1","creationDate":"2025-08-28T09:14:42.492Z","resourceOwner":"291743516339486721"}}"""
                .formatted(TOKEN_STRING)));
        assertThat(reply.response().headers().first(HeaderNames.CACHE_CONTROL)).hasValue("no-store");
        assertThat(USE_CASES.received()).isEqualTo(new AddPersonalAccessTokenCommand(CALLER, "291745830282477569",
                Instant.parse("2519-04-01T08:45:00Z")));
    }

    @Test
    void addWithoutExpirationPassesNone() {
        for (String body : new String[] {null, "", "{}", "{\"expirationDate\":\"\"}", "{\"expirationDate\":null}",
                "{\"unknown\":[1]}"}) {
            USE_CASES.reset();
            assertThat(call(Method.POST, PATS, body).status()).as(String.valueOf(body)).isEqualTo(200);
            assertThat(USE_CASES.received()).isEqualTo(new AddPersonalAccessTokenCommand(CALLER,
                    "291745830282477569", null));
        }
    }

    @Test
    void addAcceptsSnakeCaseOffsetsFractionsAndTheOrgHeader() {
        call(Method.POST, PATS, "{\"expiration_date\":\"2030-01-01T02:00:00.123456789+02:00\"}", "77");

        assertThat(USE_CASES.received()).isEqualTo(new AddPersonalAccessTokenCommand(RecordingUseCases.caller("77"),
                "291745830282477569", Instant.parse("2030-01-01T00:00:00.123456789Z")));
    }

    @Test
    void addRefusesWhatIsNotAnRfc3339Timestamp() {
        for (String value : List.of("\"tomorrow\"", "\"2030-01-01\"", "\"2030-01-01T00:00:00\"",
                "\"2030-13-01T00:00:00Z\"", "\"1700000000\"")) {
            assertInvalidArgument(call(Method.POST, PATS, "{\"expirationDate\":" + value + "}"),
                    "invalid AddPersonalAccessTokenRequest.ExpirationDate: not an RFC 3339 timestamp");
        }
        // protojson takes a Timestamp only as a string: a number or boolean is the wrong type.
        for (String value : List.of("1700000000", "true")) {
            assertInvalidArgument(call(Method.POST, PATS, "{\"expirationDate\":" + value + "}"),
                    "invalid AddPersonalAccessTokenRequest: a field has the wrong type: expirationDate");
        }
        assertInvalidArgument(call(Method.POST, PATS, "{\"expirationDate\":{\"seconds\":1}}"),
                "invalid AddPersonalAccessTokenRequest: a field has the wrong type: expirationDate");
        for (String body : List.of("{", "[]", "\"x\"", "{\"expirationDate\":}")) {
            assertInvalidArgument(call(Method.POST, PATS, body), "invalid AddPersonalAccessTokenRequest: body ");
        }
        assertThat(USE_CASES.received()).isNull();
    }

    @Test
    void addFailuresOfTheServiceKeepTheirCodes() {
        USE_CASES.failWith(new PreconditionFailedException("COMMAND-Df2f1", "Not allowed for this user type"));
        Reply wrongType = call(Method.POST, PATS, "{}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json()).isEqualTo(json("""
                {"code":9,"message":"Not allowed for this user type (COMMAND-Df2f1)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-Df2f1",
                 "message":"Not allowed for this user type"}]}"""));

        USE_CASES.failWith(new InvalidArgumentException("DOMAIN-dv3t5", "Errors.AuthNKey.ExpireBeforeNow"));
        Reply past = call(Method.POST, PATS, "{\"expirationDate\":\"2000-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("code").asInt()).isEqualTo(3);
        assertThat(past.json().get("message").asText()).isEqualTo("Errors.AuthNKey.ExpireBeforeNow (DOMAIN-dv3t5)");
    }

    @Test
    void theTokenStringReachesNoLogLine() {
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
        try {
            assertThat(call(Method.POST, PATS, "{}").text()).contains(TOKEN_STRING);
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        for (LogRecord record : records) {
            assertThat(String.valueOf(record.getMessage())).doesNotContain(TOKEN_STRING);
            assertThat(String.valueOf(record.getThrown())).doesNotContain(TOKEN_STRING);
            for (Object parameter : record.getParameters() == null ? new Object[0] : record.getParameters()) {
                assertThat(String.valueOf(parameter)).doesNotContain(TOKEN_STRING);
            }
        }
        AddPersonalAccessTokenResponse response = AddPersonalAccessTokenResponse.from(
                new AddedPersonalAccessTokenResult(PAT, TOKEN_STRING));
        assertThat(response.toString()).doesNotContain(TOKEN_STRING).contains("redacted");
    }

    // --- GET /users/{userId}/pats/{tokenId} ----------------------------------------------------

    @Test
    void getAnswersTheMetadataWithoutTheToken() {
        Reply reply = call(Method.GET, PATS + "/291746120515731457", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"token\":" + TOKEN_VIEW + "}"));
        assertNoSecret(reply);
        assertThat(reply.text()).doesNotContain("lastUsedDate");
        assertThat(USE_CASES.received()).isEqualTo(new GetPersonalAccessTokenQuery(CALLER, "291745830282477569",
                "291746120515731457"));
    }

    @Test
    void getWritesTheLastUseOnceThereIsOne() {
        USE_CASES.answer(PersonalAccessTokenResult.class, new PersonalAccessTokenResult(new PersonalAccessToken(
                TOKEN_ID, USER_ID, ORG_ID, HASH, Instant.parse("2030-01-01T00:00:00Z"), 5, CREATED, CHANGED,
                Instant.parse("2025-08-29T10:00:00.123456Z"))));

        Reply reply = call(Method.GET, PATS + "/291746120515731457", null, "77");

        assertThat(reply.json().get("token").get("lastUsedDate").asText()).isEqualTo("2025-08-29T10:00:00.123456Z");
        assertThat(reply.json().get("token").get("expirationDate").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(USE_CASES.received()).isEqualTo(new GetPersonalAccessTokenQuery(RecordingUseCases.caller("77"),
                "291745830282477569", "291746120515731457"));
    }

    @Test
    void unknownTokenIs404() {
        USE_CASES.failWith(new NotFoundException("QUERY-fRunu", "Errors.PersonalAccessToken.NotFound"));

        Reply reply = call(Method.GET, PATS + "/1", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).isEqualTo(json("""
                {"code":5,"message":"Errors.PersonalAccessToken.NotFound (QUERY-fRunu)","details":[{
                 "@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"QUERY-fRunu",
                 "message":"Errors.PersonalAccessToken.NotFound"}]}"""));
    }

    // --- POST /users/{userId}/pats/_search -----------------------------------------------------

    @Test
    void listAnswersDetailsAndMetadataWithoutTokens() {
        PersonalAccessToken used = new PersonalAccessToken(TOKEN_ID + 1, USER_ID, ORG_ID, HASH,
                PersonalAccessToken.NO_EXPIRATION, 1, CREATED, CREATED, CHANGED);
        USE_CASES.answer(PersonalAccessTokenListResult.class,
                new PersonalAccessTokenListResult(new Page<>(List.of(PAT, used), 2), VIEWED));

        Reply reply = call(Method.POST, PATS + "/_search", "{\"query\":{\"offset\":\"0\",\"limit\":100,\"asc\":true}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"totalResult":"2","viewTimestamp":"2025-08-28T09:15:11.500Z"},
                 "result":[%s,
                  {"id":"291746120515731458",
                   "details":{"sequence":"1","creationDate":"2025-08-28T09:14:42.492Z",
                              "changeDate":"2025-08-28T09:14:42.492Z","resourceOwner":"291743516339486721"},
                   "expirationDate":"9999-12-31T23:59:59Z",
                   "scopes":["openid","profile","urn:zitadel:iam:user:metadata","urn:zitadel:iam:user:resourceowner"],
                   "lastUsedDate":"2025-08-28T09:15:10.001Z"}]}""".formatted(TOKEN_VIEW)));
        assertNoSecret(reply);
        assertThat(USE_CASES.received()).isEqualTo(new ListPersonalAccessTokensQuery(CALLER, "291745830282477569",
                new PageRequest(0, 100, true)));
    }

    @Test
    void emptyListHasNoResultKey() {
        USE_CASES.answer(PersonalAccessTokenListResult.class,
                new PersonalAccessTokenListResult(new Page<>(List.of(), 0), VIEWED));

        Reply reply = call(Method.POST, PATS + "/_search", null, "77");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"details\":{\"viewTimestamp\":\"2025-08-28T09:15:11.500Z\"}}"));
        assertThat(USE_CASES.received()).isEqualTo(new ListPersonalAccessTokensQuery(RecordingUseCases.caller("77"),
                "291745830282477569", new PageRequest(0, 1000, false)));
    }

    @Test
    void listAcceptsNumbersForOffsetAndIgnoresUnknownFields() {
        call(Method.POST, PATS + "/_search", "{\"query\":{\"offset\":3,\"limit\":\"2\"},\"user_id\":\"9\",\"x\":{}}");

        assertThat(USE_CASES.received()).isEqualTo(new ListPersonalAccessTokensQuery(CALLER, "291745830282477569",
                new PageRequest(3, 2, false)));
    }

    @Test
    void listRefusesBadPagingAndMalformedBodies() {
        Map<String, String> bodies = Map.of(
                "{\"query\":{\"offset\":\"-1\"}}", "invalid ListPersonalAccessTokensRequest.Query.Offset",
                "{\"query\":{\"offset\":\"ten\"}}", "invalid ListPersonalAccessTokensRequest.Query.Offset",
                "{\"query\":{\"limit\":4294967296}}", "invalid ListPersonalAccessTokensRequest.Query.Limit",
                "{\"query\":\"all\"}", "invalid ListPersonalAccessTokensRequest: a field has the wrong type: query",
                "{\"query\":{\"asc\":{}}}", "invalid ListPersonalAccessTokensRequest: a field has the wrong type",
                "{", "invalid ListPersonalAccessTokensRequest: body is not valid JSON",
                "[{}]", "invalid ListPersonalAccessTokensRequest: body must be a JSON object");
        for (var body : bodies.entrySet()) {
            assertInvalidArgument(call(Method.POST, PATS + "/_search", body.getKey()), body.getValue());
        }
        assertThat(USE_CASES.received()).isNull();
    }

    // --- DELETE /users/{userId}/pats/{tokenId} -------------------------------------------------

    @Test
    void removeAnswersChangeDetails() {
        Reply reply = call(Method.DELETE, PATS + "/291746120515731457", null, "77");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("""
                {"details":{"sequence":"6","changeDate":"2025-08-28T09:20:00Z","resourceOwner":"291743516339486721"}}"""));
        assertThat(USE_CASES.received()).isEqualTo(new RemovePersonalAccessTokenCommand(RecordingUseCases.caller("77"),
                "291745830282477569", "291746120515731457"));
    }

    @Test
    void removingAnUnknownTokenIs404() {
        USE_CASES.failWith(new NotFoundException("COMMAND-4m77G", "Personal Access Token not found"));

        Reply reply = call(Method.DELETE, PATS + "/1", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(5);
        assertThat(reply.json().get("message").asText()).isEqualTo("Personal Access Token not found (COMMAND-4m77G)");
    }

    @Test
    void everyRouteNeedsAuthentication() {
        for (String[] route : new String[][] {{"POST", PATS}, {"POST", PATS + "/_search"}, {"GET", PATS + "/1"},
                {"DELETE", PATS + "/1"}}) {
            var response = client.method(Method.create(route[0])).path(route[1])
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN_STRING).submit("{}");
            assertThat(response.status().code()).as(route[1]).isEqualTo(401);
        }
        assertThat(USE_CASES.received()).isNull();
    }
}
