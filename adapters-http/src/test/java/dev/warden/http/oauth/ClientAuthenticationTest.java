package dev.warden.http.oauth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client authentication of OAuth requests: RFC 6749 §2.3 (Basic, form) and RFC 7523 §2.2 (assertion). */
class ClientAuthenticationTest {

    private static final String CLIENT_ID = "291800012345678901@acme";
    private static final String SECRET = "Zt4mX9-secret";
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";
    private static final String ASSERTION_TYPE = "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthForm form(String body) {
        return OAuthForm.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ClientAuthentication of(List<String> authorization, String body) {
        return ClientAuthentication.of(authorization, form(body));
    }

    private static void assertRefused(List<String> authorization, String body, OAuthError expected) {
        assertThatThrownBy(() -> of(authorization, body))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static void assertInvalidClient(List<String> authorization, String body, String description) {
        assertRefused(authorization, body, new OAuthError(401, "invalid_client", description));
    }

    private static void assertInvalidRequest(String body, String description) {
        assertRefused(List.of(), body, new OAuthError(400, "invalid_request", description));
    }

    @Nested
    class Basic {
        @Test
        void idAndSecretAreTakenFromTheHeader() {
            ClientAuthentication auth = of(List.of(basic("robot:" + SECRET)), "token=t");

            assertThat(auth).isEqualTo(new ClientAuthentication.Secret("robot", SECRET, true));
            assertThat(auth.basic()).isTrue();
            assertThat(auth.clientId()).contains("robot");
            assertThat(auth.credential()).contains(new PresentedCredential(CredentialSchemes.CLIENT_SECRET, SECRET,
                    "robot"));
        }

        @Test
        void bothPartsAreFormUrlDecodedAsRfc6749Says() {
            assertThat(of(List.of(basic("291800012345678901%40acme:a%3Ab%25c%2Bd+e")), ""))
                    .isEqualTo(new ClientAuthentication.Secret(CLIENT_ID, "a:b%c+d e", true));
        }

        @Test
        void theFirstColonSeparatesIdFromSecret() {
            assertThat(of(List.of(basic("robot:se:cr:et")), ""))
                    .isEqualTo(new ClientAuthentication.Secret("robot", "se:cr:et", true));
        }

        @Test
        void utf8IsDecoded() {
            assertThat(of(List.of(basic("r%C3%B6bot:gr%C3%BC%C3%9F")), ""))
                    .isEqualTo(new ClientAuthentication.Secret("röbot", "grüß", true));
            assertThat(of(List.of(basic("röbot:grüß")), ""))
                    .isEqualTo(new ClientAuthentication.Secret("röbot", "grüß", true));
        }

        @ParameterizedTest
        @ValueSource(strings = {"basic", "BASIC", "bAsIc"})
        void theSchemeIsCaseInsensitive(String scheme) {
            String credentials = Base64.getEncoder().encodeToString("robot:s".getBytes(StandardCharsets.UTF_8));
            assertThat(of(List.of(scheme + " " + credentials), ""))
                    .isEqualTo(new ClientAuthentication.Secret("robot", "s", true));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Bearer cm9ib3Q6cw==", "Digest cm9ib3Q6cw==", "Basiccm9ib3Q6cw==", "Basic",
                "", " Basic cm9ib3Q6cw==", "cm9ib3Q6cw=="})
        void anotherSchemeIsInvalidClient(String header) {
            assertInvalidClient(List.of(header), "", "the Authorization header must use the Basic scheme");
        }

        @Test
        void twoAuthorizationHeadersAreInvalidClient() {
            assertInvalidClient(List.of(basic("robot:s"), basic("robot:s")), "", "send one Authorization header");
            assertInvalidClient(List.of(basic("robot:s"), basic("other:t")), "", "send one Authorization header");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Basic !!!!", "Basic cm9ib3Q6cw=", "Basic  cm9ib3Q6cw==", "Basic cm9i b3Q6cw==",
                "Basic "})
        void badBase64IsInvalidClient(String header) {
            assertThatThrownBy(() -> of(List.of(header), ""))
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error().status()).isEqualTo(401);
                        assertThat(e.error().error()).isEqualTo("invalid_client");
                    });
        }

        @Test
        void base64OfInvalidUtf8IsInvalidClient() {
            String header = "Basic " + Base64.getEncoder().encodeToString(new byte[]{'r', ':', (byte) 0xC3, 0x28});
            assertInvalidClient(List.of(header), "", "the Basic credentials are not valid base64 of UTF-8");
        }

        @Test
        void credentialsWithoutColonAreInvalidClient() {
            assertInvalidClient(List.of(basic("robot")), "", "the Basic credentials must be client_id:client_secret");
            assertInvalidClient(List.of(basic("")), "", "the Basic credentials must be client_id:client_secret");
        }

        @Test
        void anEmptyIdOrSecretIsInvalidClient() {
            String description = "the Basic credentials need a client id and a secret";
            assertInvalidClient(List.of(basic(":" + SECRET)), "", description);
            assertInvalidClient(List.of(basic("robot:")), "", description);
            assertInvalidClient(List.of(basic(":")), "", description);
        }

        @Test
        void malformedFormEncodingInsideTheCredentialsIsInvalidClient() {
            String description = "the Basic credentials are not valid form encoding";
            assertInvalidClient(List.of(basic("robot:50%")), "", description);
            assertInvalidClient(List.of(basic("rob%zzot:s")), "", description);
            assertInvalidClient(List.of(basic("robot:%FF")), "", description);
        }

        @Test
        void basicPlusAFormSecretIsInvalidClient() {
            assertInvalidClient(List.of(basic("robot:s")), "client_secret=s",
                    "use one client authentication method, not several");
        }

        @Test
        void basicPlusAClientAssertionIsInvalidClient() {
            String description = "use one client authentication method, not several";
            assertInvalidClient(List.of(basic("robot:s")), "client_assertion=" + JWT + "&client_assertion_type="
                    + ASSERTION_TYPE, description);
            assertInvalidClient(List.of(basic("robot:s")), "client_assertion=" + JWT, description);
            assertInvalidClient(List.of(basic("robot:s")), "client_assertion_type=" + ASSERTION_TYPE, description);
        }

        @Test
        void aFormClientIdDifferentFromBasicIsInvalidClient() {
            assertInvalidClient(List.of(basic("robot:s")), "client_id=other",
                    "client_id does not match the Authorization header");
            assertInvalidClient(List.of(basic("robot:s")), "client_id=Robot",
                    "client_id does not match the Authorization header");
        }

        @Test
        void aFormClientIdEqualToBasicIsAccepted() {
            assertThat(of(List.of(basic("291800012345678901%40acme:s")), "client_id=291800012345678901%40acme"))
                    .isEqualTo(new ClientAuthentication.Secret(CLIENT_ID, "s", true));
        }

        @Test
        void theErrorNeverContainsTheSecret() {
            assertThatThrownBy(() -> of(List.of(basic("robot:" + SECRET)), "client_secret=" + SECRET))
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(SECRET);
                        assertThat(e.error().description()).doesNotContain(SECRET);
                    });
        }
    }

    @Nested
    class Post {
        @Test
        void idAndSecretAreTakenFromTheForm() {
            ClientAuthentication auth = of(List.of(), "client_id=291800012345678901%40acme&client_secret=a%2Bb&token=t");

            assertThat(auth).isEqualTo(new ClientAuthentication.Secret(CLIENT_ID, "a+b", false));
            assertThat(auth.basic()).isFalse();
            assertThat(auth.credential()).contains(new PresentedCredential(CredentialSchemes.CLIENT_SECRET, "a+b",
                    CLIENT_ID));
        }

        @Test
        void aSecretWithoutClientIdIsInvalidRequest() {
            assertInvalidRequest("client_secret=s", "client_id missing");
            assertInvalidRequest("client_id=&client_secret=s", "client_id missing");
        }

        @Test
        void anEmptySecretIsNoAuthentication() {
            assertThat(of(List.of(), "client_id=robot&client_secret="))
                    .isEqualTo(new ClientAuthentication.None(Optional.of("robot")));
        }
    }

    @Nested
    class Assertion {
        @Test
        void theAssertionIsTakenFromTheForm() {
            ClientAuthentication auth = of(List.of(), "client_assertion_type=" + ASSERTION_TYPE + "&client_assertion="
                    + JWT + "&token=t");

            assertThat(auth).isEqualTo(new ClientAuthentication.Assertion(JWT, Optional.empty()));
            assertThat(auth.basic()).isFalse();
            assertThat(auth.clientId()).isEmpty();
            assertThat(auth.credential()).contains(new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, JWT, ""));
        }

        @Test
        void aFormClientIdIsKeptForTheVerifierToCompare() {
            ClientAuthentication auth = of(List.of(), "client_id=291800012345678901%40acme&client_assertion_type="
                    + ASSERTION_TYPE + "&client_assertion=" + JWT);

            assertThat(auth).isEqualTo(new ClientAuthentication.Assertion(JWT, Optional.of(CLIENT_ID)));
            assertThat(auth.clientId()).contains(CLIENT_ID);
            assertThat(auth.credential()).contains(new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, JWT,
                    CLIENT_ID));
        }

        @Test
        void anAssertionWithoutTypeIsInvalidRequest() {
            assertInvalidRequest("client_assertion=" + JWT, "client_assertion_type must be "
                    + CredentialSchemes.CLIENT_ASSERTION);
        }

        @Test
        void anAssertionOfAnotherTypeIsInvalidRequest() {
            String description = "client_assertion_type must be " + CredentialSchemes.CLIENT_ASSERTION;
            assertInvalidRequest("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
                    + "&client_assertion=" + JWT, description);
            assertInvalidRequest("client_assertion_type=" + ASSERTION_TYPE.toUpperCase() + "&client_assertion="
                    + JWT, description);
            assertInvalidRequest("client_assertion_type=saml&client_assertion=" + JWT, description);
        }

        @Test
        void aTypeWithoutAssertionIsInvalidRequest() {
            assertInvalidRequest("client_assertion_type=" + ASSERTION_TYPE, "client_assertion missing");
            assertInvalidRequest("client_assertion_type=" + ASSERTION_TYPE + "&client_assertion=",
                    "client_assertion missing");
        }

        @Test
        void anAssertionPlusAClientSecretIsInvalidRequest() {
            assertInvalidRequest("client_id=robot&client_secret=s&client_assertion_type=" + ASSERTION_TYPE
                    + "&client_assertion=" + JWT, "use one client authentication method, not several");
            assertInvalidRequest("client_secret=s&client_assertion=" + JWT,
                    "use one client authentication method, not several");
        }
    }

    @Nested
    class None {
        @Test
        void noCredentialsAtAllIsNone() {
            ClientAuthentication auth = of(List.of(), "token=t");

            assertThat(auth).isEqualTo(new ClientAuthentication.None(Optional.empty()));
            assertThat(auth.basic()).isFalse();
            assertThat(auth.credential()).isEmpty();
            assertThat(auth.clientId()).isEmpty();
        }

        @Test
        void aBareClientIdIsNoneWithThatId() {
            ClientAuthentication auth = of(List.of(), "client_id=robot&token=t");

            assertThat(auth).isEqualTo(new ClientAuthentication.None(Optional.of("robot")));
            assertThat(auth.credential()).isEmpty();
        }
    }

    @Test
    void toStringNeverShowsTheSecretOrTheAssertion() {
        ClientAuthentication.Secret secret = new ClientAuthentication.Secret("robot", SECRET, true);
        ClientAuthentication.Assertion assertion = new ClientAuthentication.Assertion(JWT, Optional.of(CLIENT_ID));

        assertThat(secret.toString()).doesNotContain(SECRET).contains("robot").contains("redacted");
        assertThat(assertion.toString()).doesNotContain(JWT).doesNotContain("eyJ").contains("redacted");
        assertThat(secret.credential().orElseThrow().toString()).doesNotContain(SECRET);
        assertThat(assertion.credential().orElseThrow().toString()).doesNotContain(JWT);
    }
}
