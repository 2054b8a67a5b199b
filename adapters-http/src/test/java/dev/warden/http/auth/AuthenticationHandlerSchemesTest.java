package dev.warden.http.auth;

import dev.warden.http.NoAuditEvents;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.RequestTarget;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.http.HttpAdapter;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The authentication handler hands on the schemes enabled methods declare, with the request target. */
@RoutingTest
class AuthenticationHandlerSchemesTest {

    private static final AtomicReference<PresentedCredential> RECEIVED = new AtomicReference<>();

    private final DirectClient client;

    AuthenticationHandlerSchemesTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        AuthenticateUseCase authenticate = new AuthenticateUseCase() {
            @Override
            public Verification authenticate(PresentedCredential credential) {
                RECEIVED.set(credential);
                return new Verification.Rejected("recorded only");
            }

            @Override
            public Set<String> schemes() {
                return Set.of("Bearer", "Warden-HMAC");
            }
        };
        HttpAdapter recording = new RecordingUseCases().adapter();
        WardenRouting.routing(routing, new HttpAdapter(authenticate, recording.orgs(), recording.users(),
                recording.members(), recording.secrets(), recording.keys(), recording.oauth(), recording.signingKeys(),
                recording.projects(),
                NoAuditEvents.SEARCH));
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
    }

    private Http1ClientResponse get(String path, String authorization) {
        return client.get(path).header(HeaderNames.AUTHORIZATION, authorization).request();
    }

    @Test
    void aDeclaredSchemeReachesTheMethodsWithMethodPathAndQuery() {
        Http1ClientResponse response = client.get("/management/v1/orgs/me").queryParam("x", "1")
                .header(HeaderNames.AUTHORIZATION, "warden-hmac keyId=k1, ts=1, sig=abc").request();

        assertThat(response.status().code()).isEqualTo(401);
        assertThat(response.headers().first(HeaderNames.WWW_AUTHENTICATE))
                .contains("Bearer realm=\"warden\", error=\"invalid_token\"");
        assertThat(RECEIVED.get().scheme()).isEqualTo("warden-hmac");
        assertThat(RECEIVED.get().value()).isEqualTo("keyId=k1, ts=1, sig=abc");
        assertThat(RECEIVED.get().request()).isEqualTo(new RequestTarget("GET", "/management/v1/orgs/me?x=1"));
    }

    @Test
    void bearerKeepsItsStrictRulesAndCarriesTheRequestToo() {
        Http1ClientResponse malformed = get("/management/v1/orgs/me", "Bearer a b");
        assertThat(malformed.status().code()).isEqualTo(401);
        assertThat(malformed.headers().first(HeaderNames.WWW_AUTHENTICATE))
                .contains("Bearer realm=\"warden\", error=\"invalid_request\"");
        assertThat(RECEIVED.get()).isNull();

        get("/management/v1/orgs/me", "Bearer abc");
        assertThat(RECEIVED.get().request()).isEqualTo(new RequestTarget("GET", "/management/v1/orgs/me"));
    }

    @Test
    void aSchemeNoEnabledMethodDeclaresIsAMalformedHeader() {
        Http1ClientResponse response = get("/management/v1/orgs/me", "Basic dXNlcjpwYXNz");

        assertThat(response.status().code()).isEqualTo(401);
        assertThat(response.headers().first(HeaderNames.WWW_AUTHENTICATE))
                .contains("Bearer realm=\"warden\", error=\"invalid_request\"");
        assertThat(response.as(String.class)).contains("AUTH-toLo1");
        assertThat(RECEIVED.get()).isNull();
    }
}
