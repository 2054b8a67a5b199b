package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.warden.bootstrap.e2e.ErrorCaseServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scenario through the real server on MariaDB that hands out every kind of secret — PATs,
 * client secrets, key files, access tokens, client assertions — uses them, misuses them (wrong,
 * mutated, expired, revoked) and changes roles and states, with Warden's loggers at their most
 * verbose. Then: the audit log tells what happened, only to an IAM_OWNER; and no secret appears
 * in any log line, error body or the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAndAuditEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "openid urn:zitadel:iam:org:project:id:zitadel:aud";
    private static final Logger WARDEN_LOGGERS = Logger.getLogger("dev.warden");

    private final SecretLedger ledger = SecretLedger.get();
    private TestMariaDb database;
    private Wiring warden;
    private Api api;
    private String admin;
    private Level previousLevel;
    private Instant scenarioStart;
    private String robotId;
    private String patId;
    private String ownerToken;

    @BeforeAll
    void scenario(@TempDir Path dataDir) throws Exception {
        ledger.install();
        previousLevel = WARDEN_LOGGERS.getLevel();
        WARDEN_LOGGERS.setLevel(Level.ALL);
        database = new TestMariaDb();
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.token.usage.flush.seconds", "1",
                "warden.audit.failure.window", "1s"));
        warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(values))));
        api = new Api(warden.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
        ledger.record("first-instance PAT", admin);
        scenarioStart = Instant.now();

        robotId = ok(api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"robot\",\"name\":\"Robot\"}")).text("/userId");
        String users = "/management/v1/users/" + robotId;
        ok(api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + robotId
                + "\",\"roles\":[\"ORG_OWNER\"]}"));
        ok(api.put("/management/v1/orgs/me/members/" + robotId, admin, "{\"roles\":[\"ORG_OWNER\",\"ORG_USER_MANAGER\"]}"));

        // PATs: one used, mutated and revoked; one used after its expiry.
        Api.Reply pat = ok(api.post(users + "/pats", admin, "{}"));
        patId = pat.text("/tokenId");
        ownerToken = pat.text("/token");
        assertThat(api.get("/management/v1/orgs/me", ownerToken).status()).isEqualTo(200);
        String mutated = otherSecret(ownerToken);
        ledger.record("PAT with a wrong secret", mutated);
        assertThat(api.get("/management/v1/orgs/me", mutated).status()).isEqualTo(401);
        String expiring = ok(api.post(users + "/pats", admin, "{\"expirationDate\":\""
                + Instant.now().plusSeconds(2) + "\"}")).text("/token");
        assertThat(api.get("/management/v1/orgs/me", expiring).status()).isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(api.get("/management/v1/orgs/me", expiring).status()).as("expired").isEqualTo(401);

        // Client secret and access tokens; a wrong secret at the token endpoint.
        String secret = ok(api.put(users + "/secret", admin, "{}")).text("/clientSecret");
        Api.Reply issued = api.form("/oauth/v2/token", "robot", secret,
                "grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(api.get("/management/v1/orgs/me", issued.text("/access_token")).status()).isEqualTo(200);
        String wrongSecret = mutate(secret);
        ledger.record("wrong client secret", wrongSecret);
        assertThat(api.form("/oauth/v2/token", "robot", wrongSecret, "grant_type=client_credentials&scope=openid")
                .status()).isEqualTo(401);

        // A machine key: its file, and an assertion signed with it for the JWT profile grant.
        Api.Reply key = ok(api.post(users + "/keys", admin, "{\"type\":\"KEY_TYPE_JSON\"}"));
        JsonNode keyFile = JSON.readTree(Base64.getDecoder().decode(key.text("/keyDetails")));
        String assertion = assertion(keyFile);
        ledger.record("client assertion", assertion);
        assertThat(api.form("/oauth/v2/token", null, null, "grant_type="
                + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&scope=openid&assertion=" + assertion).status()).isEqualTo(200);
        assertThat(api.form("/oauth/v2/token", null, null, "grant_type="
                + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&scope=openid&assertion=" + assertion).status()).as("replayed").isEqualTo(400);

        // Credentials where they do not belong: in a query string, a body, a malformed header.
        api.get("/management/v1/orgs/me?access_token=" + ownerToken, null);
        api.post("/management/v1/users/_search", null, "{\"token\":\"" + ownerToken + "\"}");
        api.call("GET", "/management/v1/orgs/me", null, null, Map.of("Authorization", "Bearer  " + ownerToken));
        api.call("GET", "/management/v1/orgs/me", null, null, Map.of("Authorization", "Basic " + secret));

        // Removals and state changes.
        ok(api.delete(users + "/keys/" + key.text("/keyId"), admin));
        ok(api.delete(users + "/secret", admin));
        ok(api.delete(users + "/pats/" + patId, admin));
        assertThat(api.get("/management/v1/orgs/me", ownerToken).status()).as("revoked").isEqualTo(401);
        ok(api.post(users + "/_deactivate", admin, "{}"));
        ok(api.post(users + "/_reactivate", admin, "{}"));

        // A second owner whose token outlives the scenario, to be refused the audit log.
        String second = ok(api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"org-owner\",\"name\":\"Org owner\"}")).text("/userId");
        ok(api.post("/management/v1/orgs/me/members", admin, "{\"userId\":\"" + second
                + "\",\"roles\":[\"ORG_OWNER\"]}"));
        ownerToken = ok(api.post("/management/v1/users/" + second + "/pats", admin, "{}")).text("/token");
        ok(api.delete(users, admin));
        // The failed-authentication windows (1 s) end and are written by the next flush.
        Thread.sleep(2_500);
    }

    @AfterAll
    void stop() {
        WARDEN_LOGGERS.setLevel(previousLevel);
        if (warden != null) {
            warden.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theAuditLogTellsWhatHappenedToTheCredentialsUsersAndRoles() {
        List<JsonNode> events = events("{\"asc\":true,\"limit\":1000}");

        assertThat(events).extracting(e -> e.at("/type/type").asText()).contains(
                "member.added", "member.changed", "user.personal.access.token.added",
                "user.personal.access.token.removed", "warden.credential.expired.used", "warden.authentication.failed",
                "user.machine.secret.set", "user.machine.secret.removed", "user.machine.key.added",
                "user.machine.key.removed", "user.deactivated", "user.reactivated", "user.removed");
        JsonNode added = only(events, "user.personal.access.token.added", patId);
        assertThat(added.at("/editor/userId").asText()).as("actor").isNotEmpty();
        assertThat(added.at("/aggregate/id").asText()).isEqualTo(robotId);
        assertThat(added.at("/aggregate/resourceOwner").asText()).isNotEmpty();
        assertThat(added.at("/payload/clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(added.at("/creationDate").asText())).isAfterOrEqualTo(scenarioStart.minusSeconds(1));
        assertThat(events).filteredOn(e -> e.at("/type/type").asText().equals("warden.authentication.failed"))
                .anySatisfy(e -> assertThat(e.at("/payload/targetId").asText()).isEqualTo(patId))
                .allSatisfy(e -> assertThat(e.at("/payload/detail").asText()).matches("\\d+ failed authentication.*"));
        assertThat(events).filteredOn(e -> e.at("/type/type").asText().equals("member.changed")).singleElement()
                .satisfies(e -> assertThat(e.at("/payload/detail").asText()).isEqualTo("ORG: ORG_OWNER,ORG_USER_MANAGER"));
    }

    @Test
    void theAuditLogPagesBySequenceAndFiltersByTypeAndTime() {
        List<JsonNode> all = events("{\"asc\":true,\"limit\":1000}");
        List<JsonNode> firstTwo = events("{\"asc\":true,\"limit\":2}");
        List<JsonNode> nextTwo = events("{\"asc\":true,\"limit\":2,\"sequence\":\""
                + firstTwo.get(1).at("/sequence").asText() + "\"}");
        assertThat(firstTwo).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(nextTwo).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(events("{\"limit\":1}")).as("newest first by default").containsExactly(all.getLast());

        assertThat(events("{\"eventTypes\":[\"user.removed\"]}")).singleElement()
                .satisfies(e -> assertThat(e.at("/aggregate/id").asText()).isEqualTo(robotId));
        assertThat(events("{\"range\":{\"until\":\"" + scenarioStart.minusSeconds(3600) + "\"}}")).isEmpty();
        assertThat(events("{\"aggregateId\":\"" + robotId + "\",\"asc\":true}"))
                .allSatisfy(e -> assertThat(e.at("/aggregate/id").asText()).isEqualTo(robotId)).isNotEmpty();
    }

    @Test
    void onlyAnInstanceOwnerReadsTheAuditLogAndBadSearchesAre400() {
        Api.Reply orgOwner = api.post("/admin/v1/events/_search", ownerToken, "{}");
        assertThat(orgOwner.status()).isEqualTo(403);
        assertThat(orgOwner.text("/message")).contains("No matching permissions found");
        assertThat(api.post("/admin/v1/events/_search", null, "{}").status()).isEqualTo(401);

        for (String bad : List.of("{\"limit\":1001}", "{\"eventTypes\":[\"no.such.event\"]}",
                "{\"sequence\":\"-1\"}", "{\"range\":{\"since\":\"yesterday\"}}", "{\"editorUserId\":\"abc\"}",
                "{\"range\":{\"since\":\"2030-01-01T00:00:00Z\",\"until\":\"2029-01-01T00:00:00Z\"}}")) {
            Api.Reply reply = api.post("/admin/v1/events/_search", admin, bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.text("/message")).as(bad).startsWith("invalid ListEventsRequest.");
        }
    }

    @Test
    void noSecretAppearsInAnyLogLineErrorBodyOrTheDatabase() {
        assertThat(ledger.secrets()).as("the scenario recorded secrets of every kind")
                .anySatisfy(s -> assertThat(s).startsWith("wdn_pat_"))
                .anySatisfy(s -> assertThat(s).startsWith("wdn_at_"))
                .anySatisfy(s -> assertThat(s).matches("[A-Za-z0-9]{64}"))
                .anySatisfy(s -> assertThat(s).startsWith("eyJ"))
                .contains(admin);

        ledger.checkText("the database of this scenario", database.dump());

        assertThat(ledger.takeFindings()).isEmpty();
    }

    private List<JsonNode> events(String search) {
        Api.Reply reply = ok(api.post("/admin/v1/events/_search", admin, search));
        List<JsonNode> events = new ArrayList<>();
        reply.at("/events").forEach(events::add);
        return events;
    }

    private static JsonNode only(List<JsonNode> events, String type, String targetId) {
        return events.stream().filter(e -> e.at("/type/type").asText().equals(type)
                && e.at("/payload/targetId").asText().equals(targetId)).findFirst().orElseThrow();
    }

    /** A well-formed PAT of the same id with another secret: it reaches the verifier's hash check. */
    private static String otherSecret(String pat) {
        long id = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, pat).orElseThrow().id();
        return OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, id).encode();
    }

    /** The same secret with one character changed. */
    private static String mutate(String credential) {
        int at = credential.length() / 2;
        char changed = credential.charAt(at) == 'A' ? 'B' : 'A';
        return credential.substring(0, at) + changed + credential.substring(at + 1);
    }

    private static String assertion(JsonNode keyFile) throws Exception {
        String userId = keyFile.at("/userId").asText();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyFile.at("/keyId").asText())
                .build(), new JWTClaimsSet.Builder().issuer(userId).subject(userId).audience("http://localhost:8080")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.at("/key").asText()).orElseThrow()));
        return jwt.serialize();
    }
}
