package dev.warden.http.user;

import dev.warden.http.NoAuditEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.auth.Verification;
import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.PersonalAccessTokenListResult;
import dev.warden.application.port.in.PersonalAccessTokenResult;
import dev.warden.application.port.in.UserListResult;
import dev.warden.application.port.in.UserResult;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.query.Page;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.http.HttpAdapter;
import dev.warden.http.oauth.OAuthUseCases;
import dev.warden.http.key.MachineKeyUseCases;
import dev.warden.http.secret.MachineSecretUseCases;
import dev.warden.http.member.MemberUseCases;
import dev.warden.http.org.OrgUseCases;
import dev.warden.http.signing.SigningKeyUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.testing.junit5.DirectClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test double for the in-ports behind the HTTP adapter: each use case is a lambda that records
 * the command or query it received and answers a canned result (or throws the failure set by
 * the test). Only one bearer value authenticates.
 */
public final class RecordingUseCases {

    public static final String BEARER_TOKEN = "test-bearer-0123456789abcdef";
    public static final long ORG_ID = 291743516339486721L;
    public static final long USER_ID = 291745830282477569L;
    public static final long TOKEN_ID = 291746120515731457L;
    public static final Principal PRINCIPAL = new Principal(291700000000000001L, ORG_ID, "291700000000000002",
            "pat", Instant.parse("2099-01-01T00:00:00Z"));
    /**
     * What the handler passes on for the audit log and the limiter under Helidon's DirectClient:
     * its peer is the unresolved name "localhost", no IP address, and a client address is only ever
     * an IP literal (never a name, so that no lookup happens), hence unknown.
     */
    public static final String CLIENT_ADDRESS = "";
    public static final Caller CALLER = new Caller(PRINCIPAL, null, CLIENT_ADDRESS);

    /** The test principal calling with {@code x-zitadel-orgid: orgId}. */
    public static Caller caller(String orgId) {
        return new Caller(PRINCIPAL, orgId, CLIENT_ADDRESS);
    }

    public static final Instant CREATED = Instant.parse("2025-08-28T09:14:42.492Z");
    public static final Instant CHANGED = Instant.parse("2025-08-28T09:15:10.001Z");
    public static final Instant WRITTEN = Instant.parse("2025-08-28T09:20:00Z");
    public static final Instant VIEWED = Instant.parse("2025-08-28T09:15:11.5Z");

    public static final ServiceUser USER = new ServiceUser(USER_ID, ORG_ID, "robot", "My Machine Account", "CI bot",
            AccessTokenType.JWT, UserState.ACTIVE, 3, CREATED, CHANGED);
    public static final SecretHash HASH = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");
    public static final PersonalAccessToken PAT = new PersonalAccessToken(TOKEN_ID, USER_ID, ORG_ID, HASH,
            PersonalAccessToken.NO_EXPIRATION, 5, CREATED, CHANGED, null);
    public static final String TOKEN_STRING = "wdn_pat_dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59";
    public static final DetailsResult DETAILS = new DetailsResult(6, WRITTEN, ORG_ID);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<Object> received = new AtomicReference<>();
    private final Map<Class<?>, Object> answers = new ConcurrentHashMap<>();
    private volatile RuntimeException failure;

    public RecordingUseCases() {
        reset();
    }

    /** Forgets what was received and restores the default answers. */
    public void reset() {
        received.set(null);
        failure = null;
        answers.clear();
        answers.put(UserResult.class, new UserResult(USER));
        answers.put(UserListResult.class, new UserListResult(new Page<>(List.of(USER), 1), VIEWED));
        answers.put(DetailsResult.class, DETAILS);
        answers.put(AddedPersonalAccessTokenResult.class, new AddedPersonalAccessTokenResult(
                new PersonalAccessToken(TOKEN_ID, USER_ID, ORG_ID, HASH, PersonalAccessToken.NO_EXPIRATION, 1,
                        CREATED, CREATED, null), TOKEN_STRING));
        answers.put(PersonalAccessTokenResult.class, new PersonalAccessTokenResult(PAT));
        answers.put(PersonalAccessTokenListResult.class,
                new PersonalAccessTokenListResult(new Page<>(List.of(PAT), 1), VIEWED));
    }

    /** The next call of a use case returning {@code type} answers {@code result}. */
    public <T> void answer(Class<T> type, T result) {
        answers.put(type, result);
    }

    /** The next use case call throws {@code error}. */
    public void failWith(RuntimeException error) {
        failure = error;
    }

    /** The command or query the last use case call received, or null when none was called. */
    public Object received() {
        return received.get();
    }

    private <T> T handle(Object input, Class<T> resultType) {
        received.set(input);
        if (failure != null) {
            throw failure;
        }
        return resultType.cast(answers.get(resultType));
    }

    private static <T> T unused() {
        throw new AssertionError("use case not under test");
    }

    public HttpAdapter adapter() {
        AuthenticateUseCase authenticate = credential -> credential.value().equals(BEARER_TOKEN)
                ? new Verification.Verified(PRINCIPAL, "test") : new Verification.Rejected("not the test token");
        OrgUseCases orgs = new OrgUseCases(q -> unused(), c -> unused(), c -> unused(), c -> unused(),
                c -> unused(), q -> unused(), q -> unused());
        MemberUseCases members = new MemberUseCases(q -> unused(), q -> unused(), c -> unused(), c -> unused(),
                c -> unused());
        UserUseCases users = new UserUseCases(
                c -> handle(c, UserResult.class),
                q -> handle(q, UserResult.class),
                c -> handle(c, UserResult.class),
                c -> handle(c, UserResult.class),
                q -> handle(q, UserListResult.class),
                c -> handle(c, DetailsResult.class),
                c -> handle(c, DetailsResult.class),
                c -> handle(c, AddedPersonalAccessTokenResult.class),
                q -> handle(q, PersonalAccessTokenResult.class),
                q -> handle(q, PersonalAccessTokenListResult.class),
                c -> handle(c, DetailsResult.class));
        return new HttpAdapter(authenticate, orgs, users, members,
                new MachineSecretUseCases(c -> unused(), c -> unused()),
                new MachineKeyUseCases(c -> unused(), q -> unused(), q -> unused(), c -> unused()),
                new OAuthUseCases(c -> unused(), c -> unused(), c -> unused(), c -> unused(), q -> unused()),
                new SigningKeyUseCases(() -> unused(), () -> unused(), c -> unused(), q -> unused()),
                dev.warden.http.project.UnusedProjectUseCases.create(RecordingUseCases::unused),
                NoAuditEvents.SEARCH);
    }

    /** A response's status, raw text and parsed JSON. */
    public record Reply(int status, String text, JsonNode json, Http1ClientResponse response) {
    }

    /** Sends an authenticated request; {@code body} null sends none; {@code orgId} null sends no header. */
    public static Reply call(DirectClient client, Method method, String path, String body, String orgId) {
        Http1ClientRequest request = client.method(method).path(path)
                .header(HeaderNames.AUTHORIZATION, "Bearer " + BEARER_TOKEN);
        if (orgId != null) {
            request.header(HeaderNames.create("x-zitadel-orgid"), orgId);
        }
        Http1ClientResponse response = body == null ? request.request() : request.submit(body);
        String text = response.as(String.class);
        // No failure may leak implementation details to a client.
        assertThat(text).doesNotContain("Exception").doesNotContain("dev.warden").doesNotContain("\tat ")
                .doesNotContain("jackson");
        try {
            return new Reply(response.status().code(), text, text.isEmpty() ? null : JSON.readTree(text), response);
        } catch (Exception e) {
            throw new AssertionError("response is not JSON: " + text, e);
        }
    }

    public static Reply call(DirectClient client, Method method, String path, String body) {
        return call(client, method, path, body, null);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Asserts a 400 INVALID_ARGUMENT answer without details, as the gateway's own validation writes it. */
    public static void assertInvalidArgument(Reply reply, String messageStart) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(3);
        assertThat(reply.json().get("message").asText()).startsWith(messageStart);
        assertThat(reply.json().has("details")).isFalse();
    }
}
