package dev.warden.http.oauth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How a client authenticated an OAuth request (RFC 6749 §2.3, RFC 7523 §2.2): HTTP Basic
 * ({@code client_secret_basic}, both parts form-urlencoded inside the base64 as RFC 6749 §2.3.1
 * says), form fields ({@code client_secret_post}), a client assertion ({@code private_key_jwt}),
 * or none. More than one method at once, or a malformed one, is an {@link OAuthException}:
 * {@code 401 invalid_client} when Basic was tried, else {@code 400 invalid_request}.
 */
public sealed interface ClientAuthentication {

    /** The client id the request names, if any (for an unauthenticated request, the form's). */
    Optional<String> clientId();

    /** Whether the client used the Authorization header (a failure then answers 401 with a Basic challenge). */
    boolean basic();

    /** The credential to hand to the authentication methods; empty for {@link None}. */
    Optional<PresentedCredential> credential();

    /** No client authentication; perhaps a bare {@code client_id}. */
    record None(Optional<String> clientId) implements ClientAuthentication {
        @Override
        public boolean basic() {
            return false;
        }

        @Override
        public Optional<PresentedCredential> credential() {
            return Optional.empty();
        }
    }

    /** A client id and secret, from Basic or from the form. */
    record Secret(String id, String secret, boolean basic) implements ClientAuthentication {
        @Override
        public Optional<String> clientId() {
            return Optional.of(id);
        }

        @Override
        public Optional<PresentedCredential> credential() {
            return Optional.of(new PresentedCredential(CredentialSchemes.CLIENT_SECRET, secret, id));
        }

        @Override
        public String toString() {
            return "Secret[id=" + id + ", secret=redacted, basic=" + basic + "]";
        }
    }

    /** A signed client assertion; its {@code iss} names the client. */
    record Assertion(String jwt, Optional<String> formClientId) implements ClientAuthentication {
        @Override
        public Optional<String> clientId() {
            return formClientId;
        }

        @Override
        public boolean basic() {
            return false;
        }

        @Override
        public Optional<PresentedCredential> credential() {
            return Optional.of(new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, jwt,
                    formClientId.orElse("")));
        }

        @Override
        public String toString() {
            return "Assertion[redacted]";
        }
    }

    /** Reads the client authentication of an OAuth request from its headers and form. */
    static ClientAuthentication of(ServerRequest request, OAuthForm form) {
        return of(request.headers().values(HeaderNames.AUTHORIZATION), form);
    }

    static ClientAuthentication of(List<String> authorization, OAuthForm form) {
        Optional<String> formId = form.get("client_id");
        boolean formSecret = form.has("client_secret");
        boolean assertion = form.has("client_assertion");
        boolean assertionType = form.has("client_assertion_type");
        if (!authorization.isEmpty()) {
            Secret basic = parseBasic(authorization);
            if (formSecret || assertion || assertionType) {
                throw basicFailure("use one client authentication method, not several");
            }
            if (formId.isPresent() && !formId.get().equals(basic.id())) {
                throw basicFailure("client_id does not match the Authorization header");
            }
            return basic;
        }
        if (assertion || assertionType) {
            if (formSecret) {
                throw new OAuthException(OAuthError.invalidRequest(
                        "use one client authentication method, not several"));
            }
            if (!assertion) {
                throw new OAuthException(OAuthError.invalidRequest("client_assertion missing"));
            }
            if (!CredentialSchemes.CLIENT_ASSERTION.equals(form.get("client_assertion_type").orElse(""))) {
                throw new OAuthException(OAuthError.invalidRequest("client_assertion_type must be "
                        + CredentialSchemes.CLIENT_ASSERTION));
            }
            return new Assertion(form.require("client_assertion"), formId);
        }
        if (formSecret) {
            if (formId.isEmpty()) {
                throw new OAuthException(OAuthError.invalidRequest("client_id missing"));
            }
            return new Secret(formId.get(), form.require("client_secret"), false);
        }
        return new None(formId);
    }

    private static Secret parseBasic(List<String> authorization) {
        if (authorization.size() != 1) {
            throw basicFailure("send one Authorization header");
        }
        String header = authorization.getFirst();
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            throw basicFailure("the Authorization header must use the Basic scheme");
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(header.substring(space + 1));
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw basicFailure("the Basic credentials are not valid base64 of UTF-8");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw basicFailure("the Basic credentials must be client_id:client_secret");
        }
        // RFC 6749 §2.3.1: both parts are form-urlencoded before base64 (ZITADEL unescapes them too).
        String id = OAuthForm.formDecode(decoded.substring(0, colon))
                .orElseThrow(() -> basicFailure("the Basic credentials are not valid form encoding"));
        String secret = OAuthForm.formDecode(decoded.substring(colon + 1))
                .orElseThrow(() -> basicFailure("the Basic credentials are not valid form encoding"));
        if (id.isEmpty() || secret.isEmpty()) {
            throw basicFailure("the Basic credentials need a client id and a secret");
        }
        return new Secret(id, secret, true);
    }

    private static OAuthException basicFailure(String description) {
        return new OAuthException(OAuthError.invalidClient(description));
    }
}
