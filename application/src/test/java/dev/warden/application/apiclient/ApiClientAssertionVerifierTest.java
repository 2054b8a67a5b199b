package dev.warden.application.apiclient;

import dev.warden.application.fakes.ReadOnlyApiClientDirectory;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ApiClientDirectory.ApiClientKey;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.oauth.AssertionClaims;
import dev.warden.domain.principal.ClientPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code private_key_jwt} of API applications. */
class ApiClientAssertionVerifierTest extends CredentialVerifierContract {

    private static final String CLIENT_ID = "291800001234567891";
    private static final long APP_ID = 291_800_001_234_567_890L;
    private static final long PROJECT_ID = 291_799_912_345_678_901L;
    private static final long KEY_ID = 291_800_105_555_555_555L;

    private final FakePorts ports = new FakePorts();
    private final KeyPair keyPair = FakeRsaKeyGenerator.pair(0);
    private final Map<String, ApiClient> apps = new java.util.concurrent.ConcurrentHashMap<>();
    private CredentialVerifier verifier;
    private long orgId;

    @BeforeEach
    void setUp() {
        orgId = ports.organization("ACME").id();
        register(true, ports.clock.instant().plus(Duration.ofDays(1)));
        // A map of apps stands in for the directory; the in-memory one is tested with the projects feature.
        verifier = new ApiClientAssertionVerifier(
                new ReadOnlyApiClientDirectory(clientId -> Optional.ofNullable(apps.get(clientId))),
                ports.assertions, ports.replayGuard, ports.oauth.assertionRules(), ports.clock);
    }

    private void register(boolean active, Instant keyExpiresAt) {
        String pem = RsaKeys.publicKeyPem((RSAPublicKey) keyPair.getPublic());
        apps.put(CLIENT_ID, new ApiClient(APP_ID, PROJECT_ID, orgId, CLIENT_ID, active, Optional.empty(),
                List.of(new ApiClientKey(KEY_ID, pem, keyExpiresAt))));
    }

    @Override
    protected CredentialVerifier verifier() {
        return verifier;
    }

    @Override
    protected PresentedCredential validCredential() {
        return assertion(header("RS256", Long.toString(KEY_ID)), claims(CLIENT_ID, FakePorts.ISSUER, 60,
                UUID.randomUUID().toString()), keyPair);
    }

    @Override
    protected boolean singleUse() {
        return true;
    }

    private PresentedCredential assertion(Map<String, Object> header, AssertionClaims claims, KeyPair signer) {
        return new PresentedCredential(CredentialSchemes.API_CLIENT_ASSERTION,
                ports.assertions.assertion(header, claims, signer.getPrivate()));
    }

    private AssertionClaims claims(String clientId, String audience, long seconds, String jti) {
        Instant now = ports.clock.instant();
        return new AssertionClaims(clientId, clientId, List.of(audience), Optional.of(now),
                Optional.of(now.plusSeconds(seconds)), Optional.empty(), Optional.ofNullable(jti));
    }

    private static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("kid", kid);
        return header;
    }

    private Verification verify(PresentedCredential credential) {
        return verifier.verify(credential);
    }

    @Test
    void aValidAssertionNamesTheAppItsProjectAndTheKey() {
        Verification verification = verify(validCredential());

        assertThat(verification).isEqualTo(new Verification.VerifiedClient(new ClientPrincipal(APP_ID, PROJECT_ID,
                orgId, CLIENT_ID, Long.toString(KEY_ID), "api-client-assertion"), "api-client-assertion"));
    }

    @Test
    void theAudienceMayBeTheIssuerOrOneOfItsEndpoints() {
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)),
                claims(CLIENT_ID, FakePorts.ISSUER + "/oauth/v2/introspect", 60, "a"), keyPair)))
                .isInstanceOf(Verification.VerifiedClient.class);
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)),
                claims(CLIENT_ID, "https://elsewhere.example", 60, "b"), keyPair)))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void aReplayWithoutJtiIsRefusedToo() {
        PresentedCredential noJti = assertion(header("RS256", Long.toString(KEY_ID)),
                claims(CLIENT_ID, FakePorts.ISSUER, 60, null), keyPair);

        assertThat(verify(noJti)).isInstanceOf(Verification.VerifiedClient.class);
        assertThat(verify(noJti)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void otherAlgorithmsCriticalHeadersAndKeyReferencesAreRefused() {
        String kid = Long.toString(KEY_ID);
        Map<String, Object> crit = header("RS256", kid);
        crit.put("crit", List.of("exp"));
        Map<String, Object> jku = header("RS256", kid);
        jku.put("jku", "https://evil.example/jwks");
        Map<String, Object> x5c = header("RS256", kid);
        x5c.put("x5c", List.of("MII…"));
        int n = 0;
        for (Map<String, Object> header : List.of(header("none", kid), header("HS256", kid), header("RS512", kid),
                crit, jku, x5c)) {
            assertThat(verify(assertion(header, claims(CLIENT_ID, FakePorts.ISSUER, 60, "h" + n++), keyPair)))
                    .as(header.toString()).isInstanceOf(Verification.Rejected.class);
        }
    }

    @Test
    void anUnknownKidAForeignSignatureAndAnExpiredKeyAreRefused() {
        assertThat(verify(assertion(header("RS256", "42"), claims(CLIENT_ID, FakePorts.ISSUER, 60, "k1"), keyPair)))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)),
                claims(CLIENT_ID, FakePorts.ISSUER, 60, "k2"), FakeRsaKeyGenerator.pair(1))))
                .isInstanceOf(Verification.Rejected.class);

        register(true, ports.clock.instant());
        assertThat(verify(validCredential())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void anUnknownClientAMismatchingClientIdAndAnInactiveAppAreRefused() {
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)),
                claims("999", FakePorts.ISSUER, 60, "c1"), keyPair))).isInstanceOf(Verification.Rejected.class);
        PresentedCredential valid = validCredential();
        assertThat(verify(new PresentedCredential(valid.scheme(), valid.value(), "someone-else")))
                .isInstanceOf(Verification.Rejected.class);

        register(false, ports.clock.instant().plus(Duration.ofDays(1)));
        assertThat(verify(validCredential())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void claimsBreakingTheRulesAreRefused() {
        String kid = Long.toString(KEY_ID);
        Instant now = ports.clock.instant();
        AssertionClaims delegated = new AssertionClaims(CLIENT_ID, "other", List.of(FakePorts.ISSUER),
                Optional.of(now), Optional.of(now.plusSeconds(60)), Optional.empty(), Optional.of("r1"));
        AssertionClaims tooLong = claims(CLIENT_ID, FakePorts.ISSUER, 2 * 3600, "r2");
        AssertionClaims expired = new AssertionClaims(CLIENT_ID, CLIENT_ID, List.of(FakePorts.ISSUER),
                Optional.of(now.minusSeconds(120)), Optional.of(now.minusSeconds(60)), Optional.empty(),
                Optional.of("r3"));
        for (AssertionClaims claims : List.of(delegated, tooLong, expired)) {
            assertThat(verify(assertion(header("RS256", kid), claims, keyPair))).as(claims.toString())
                    .isInstanceOf(Verification.Rejected.class);
        }
    }

    @Test
    void aRefusedAssertionDoesNotUseUpItsJti() {
        // Forged with another key: refused before the replay store, so the real one still works.
        AssertionClaims claims = claims(CLIENT_ID, FakePorts.ISSUER, 60, "shared-jti");
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)), claims, FakeRsaKeyGenerator.pair(1))))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(verify(assertion(header("RS256", Long.toString(KEY_ID)), claims, keyPair)))
                .isInstanceOf(Verification.VerifiedClient.class);
    }
}
