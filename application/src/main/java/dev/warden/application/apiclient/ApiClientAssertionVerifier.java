package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ApiClientDirectory.ApiClientKey;
import dev.warden.application.port.out.AssertionReplayGuard;
import dev.warden.application.port.out.JwtAssertions;
import dev.warden.application.port.out.JwtAssertions.SignedAssertion;
import dev.warden.domain.oauth.AssertionRules;
import dev.warden.domain.principal.ClientPrincipal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies an API application's {@code private_key_jwt} client assertion (RFC 7523 §2.2): the
 * header must be exactly RS256 with a {@code kid} of one of the app's unexpired keys and no
 * {@code crit} or key-carrying header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}); the
 * signature must verify with that key; the claims pass {@link AssertionRules} with
 * {@code iss = sub = client id}; and the assertion is used once (replays refused until it expires).
 */
final class ApiClientAssertionVerifier implements CredentialVerifier {

    static final String METHOD = "api-client-assertion";
    private static final String PINNED_ALGORITHM = "RS256";

    private final ApiClientDirectory clients;
    private final JwtAssertions assertions;
    private final AssertionReplayGuard replays;
    private final AssertionRules rules;
    private final Clock clock;

    ApiClientAssertionVerifier(ApiClientDirectory clients, JwtAssertions assertions, AssertionReplayGuard replays,
                               AssertionRules rules, Clock clock) {
        this.clients = clients;
        this.assertions = assertions;
        this.replays = replays;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public String scheme() {
        return CredentialSchemes.API_CLIENT_ASSERTION;
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!scheme().equalsIgnoreCase(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        Optional<SignedAssertion> parsed = assertions.parse(credential.value());
        if (parsed.isEmpty()) {
            return new Verification.Rejected("client assertion is not a JWS");
        }
        SignedAssertion assertion = parsed.get();
        if (!PINNED_ALGORITHM.equals(assertion.algorithm())) {
            return new Verification.Rejected("client assertion alg " + assertion.algorithm() + " is not RS256");
        }
        if (!assertion.critical().isEmpty() || assertion.carriesKeyReference()) {
            return new Verification.Rejected("client assertion header has crit or names its own key");
        }
        String clientId = assertion.claims().issuer();
        if (!credential.clientId().isEmpty() && !credential.clientId().equals(clientId)) {
            return new Verification.Rejected("client_id does not match the assertion's issuer");
        }
        Optional<ApiClient> client = clientId.isEmpty() ? Optional.empty() : clients.findByClientId(clientId);
        if (client.isEmpty()) {
            return new Verification.Rejected("client assertion names an unknown client");
        }
        ApiClient app = client.get();
        Instant now = clock.instant();
        Optional<ApiClientKey> key = app.keys().stream()
                .filter(k -> Long.toString(k.keyId()).equals(assertion.keyId()))
                .findFirst();
        if (key.isEmpty() || !key.get().expiresAt().isAfter(now)) {
            return new Verification.Rejected("client assertion kid is not an unexpired key of app " + app.appId());
        }
        if (!assertions.verifiesWith(assertion, key.get().publicKeyPem())) {
            return new Verification.Rejected("client assertion signature does not verify for app " + app.appId());
        }
        Optional<String> violation = rules.violation(assertion.claims(), now);
        if (violation.isPresent()) {
            return new Verification.Rejected("client assertion of app " + app.appId() + ": " + violation.get());
        }
        if (!app.active()) {
            return new Verification.Rejected("API client of app " + app.appId() + " is not active");
        }
        // After the signature check, so that nobody can fill the replay store with forged ids.
        String replayKey = assertion.claims().jwtId().orElseGet(() -> "sha256:" + CredentialDigest.of(credential.value()));
        if (!replays.firstUse(clientId, replayKey, rules.replayWindowEnd(assertion.claims()))) {
            return new Verification.Rejected("client assertion of app " + app.appId() + " was already used");
        }
        return new Verification.VerifiedClient(new ClientPrincipal(app.appId(), app.projectId(), app.orgId(),
                app.clientId(), Long.toString(key.get().keyId()), METHOD), METHOD);
    }
}
