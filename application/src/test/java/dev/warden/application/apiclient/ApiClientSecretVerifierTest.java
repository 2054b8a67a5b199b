package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.fakes.FakeSecretHasher;
import dev.warden.application.fakes.InMemoryVerifiedClientCache;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.domain.principal.ClientPrincipal;
import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An API application's client id and secret: verification, the constant-cost refusals, the cache. */
class ApiClientSecretVerifierTest {

    private static final String CLIENT_ID = "291800012345678901@acme";
    private static final String SECRET = "Sx9rT2-app-secret";
    private static final long APP_ID = 291800012345678901L;
    private static final long PROJECT_ID = 291799912345678901L;
    private static final long ORG_ID = 291743516339486721L;

    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final InMemoryVerifiedClientCache cache = new InMemoryVerifiedClientCache();
    private final Map<String, ApiClient> apps = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger hashUpdates = new AtomicInteger();
    private volatile boolean hashUpdatesFail;
    private ApiClientSecretVerifier verifier;

    @BeforeEach
    void setUp() {
        apps.put(CLIENT_ID, app(CLIENT_ID, APP_ID, true, SECRET));
        verifier = new ApiClientSecretVerifier(new MapDirectory(), hasher, cache);
        hasher.resetCounts();
    }

    private ApiClient app(String clientId, long appId, boolean active, String secretOrNull) {
        return new ApiClient(appId, PROJECT_ID, ORG_ID, clientId, active,
                Optional.ofNullable(secretOrNull).map(s -> hasher.hash(s.getBytes(StandardCharsets.UTF_8))), List.of());
    }

    /** The apps map as a directory: look-ups counted, rehashes stored conditionally as the real one stores them. */
    private final class MapDirectory implements ApiClientDirectory {
        @Override
        public Optional<ApiClient> findByClientId(String clientId) {
            lookups.incrementAndGet();
            return Optional.ofNullable(apps.get(clientId));
        }

        @Override
        public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
            hashUpdates.incrementAndGet();
            if (hashUpdatesFail) {
                throw new IllegalStateException("Database operation failed");
            }
            synchronized (apps) {
                for (ApiClient app : apps.values()) {
                    if (app.appId() == appId && app.secret().equals(Optional.of(expected))) {
                        apps.put(app.clientId(), new ApiClient(app.appId(), app.projectId(), app.orgId(),
                                app.clientId(), app.active(), Optional.of(replacement), app.keys()));
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private SecretHash storedHash() {
        return apps.get(CLIENT_ID).secret().orElseThrow();
    }

    private Verification verify(String clientId, String secret) {
        return verifier.verify(new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET, secret, clientId));
    }

    private static ClientPrincipal principal(long appId, String clientId) {
        return new ClientPrincipal(appId, PROJECT_ID, ORG_ID, clientId, "app-secret:" + appId,
                ApiClientSecretVerifier.METHOD);
    }

    @Test
    void theRightSecretVerifiesTheApp() {
        assertThat(verify(CLIENT_ID, SECRET)).isEqualTo(new Verification.VerifiedClient(principal(APP_ID, CLIENT_ID),
                "api-client-secret"));
        assertThat(hasher.verifyCalls()).isEqualTo(1);
        assertThat(verifier.scheme()).isEqualTo(CredentialSchemes.API_CLIENT_SECRET);
    }

    @Test
    void theSchemeIsMatchedCaseInsensitively() {
        assertThat(verifier.verify(new PresentedCredential("API_CLIENT_SECRET", SECRET, CLIENT_ID)))
                .isInstanceOf(Verification.VerifiedClient.class);
    }

    @Test
    void aChangeThatLandsWhileTheSecretIsHashedLeavesNothingCached() {
        // The change follower applies another node's CLIENT_CHANGED (app deactivated) while argon2 runs.
        hasher.duringNextVerify(() -> {
            apps.put(CLIENT_ID, app(CLIENT_ID, APP_ID, false, SECRET));
            cache.invalidateApp(APP_ID);
        });

        assertThat(verify(CLIENT_ID, SECRET)).as("the request began before the change")
                .isInstanceOf(Verification.VerifiedClient.class);

        assertThat(cache.size()).isZero();
        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void aSecondCallWithTheSameSecretDoesNotHashAgain() {
        verify(CLIENT_ID, SECRET);
        hasher.resetCounts();

        assertThat(verify(CLIENT_ID, SECRET)).isEqualTo(new Verification.VerifiedClient(principal(APP_ID, CLIENT_ID),
                "api-client-secret"));
        assertThat(hasher.verifyCalls()).isZero();
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aDifferentSecretIsHashedAndRefused() {
        verify(CLIENT_ID, SECRET);
        hasher.resetCounts();

        assertThat(verify(CLIENT_ID, SECRET + "x")).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(CLIENT_ID, SECRET + "x")).isInstanceOf(Verification.Rejected.class);
        assertThat(hasher.verifyCalls()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aWrongSecretIsRefusedAndNotCached() {
        assertThat(verify(CLIENT_ID, "wrong")).isEqualTo(
                new Verification.Rejected("wrong secret for API client of app " + APP_ID));
        assertThat(hasher.verifyCalls()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anUnknownClientCostsOneHashLikeAWrongSecret() {
        assertThat(verify("unknown@acme", SECRET)).isEqualTo(
                new Verification.Rejected("unknown API client or client without secret"));
        int unknownCost = hasher.verifyCalls();
        hasher.resetCounts();
        verify(CLIENT_ID, "wrong");

        assertThat(unknownCost).isEqualTo(1).isEqualTo(hasher.verifyCalls());
        assertThat(cache.size()).isZero();
    }

    @Test
    void anAppWithoutSecretIsRefusedAfterOneHash() {
        apps.put("nosecret@acme", app("nosecret@acme", 7, true, null));

        assertThat(verify("nosecret@acme", SECRET)).isEqualTo(
                new Verification.Rejected("unknown API client or client without secret"));
        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void anInactiveAppIsRefusedAfterTheHashAndNotCached() {
        apps.put(CLIENT_ID, app(CLIENT_ID, APP_ID, false, SECRET));
        hasher.resetCounts();

        assertThat(verify(CLIENT_ID, SECRET)).isEqualTo(
                new Verification.Rejected("API client of app " + APP_ID + " is not active"));
        assertThat(hasher.verifyCalls()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aWrongSecretForAnInactiveAppDoesNotTellThatTheAppIsInactive() {
        apps.put(CLIENT_ID, app(CLIENT_ID, APP_ID, false, SECRET));

        assertThat(verify(CLIENT_ID, "wrong")).isEqualTo(
                new Verification.Rejected("wrong secret for API client of app " + APP_ID));
    }

    @Test
    void theCacheDoesNotMixUpIdsAndSecretsThatConcatenateAlike() {
        apps.put("ab", app("ab", 11, true, "c"));
        assertThat(verify("ab", "c")).isInstanceOf(Verification.VerifiedClient.class);
        hasher.resetCounts();

        assertThat(verify("a", "bc")).isInstanceOf(Verification.Rejected.class);
        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void theSameSecretUnderAnotherClientIdIsNotACacheHit() {
        apps.put("other@acme", app("other@acme", 12, true, "other-secret"));
        verify(CLIENT_ID, SECRET);

        assertThat(verify("other@acme", SECRET)).isInstanceOf(Verification.Rejected.class);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void invalidatingTheAppMakesTheNextCallHashAgain() {
        verify(CLIENT_ID, SECRET);
        cache.invalidateApp(APP_ID);
        hasher.resetCounts();

        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.VerifiedClient.class);
        assertThat(hasher.verifyCalls()).isEqualTo(1);
    }

    // --- transparent rehash -----------------------------------------------------------------------

    @Test
    void aSecretHashedUnderAnOlderConfigurationIsRehashedOnceOnItsFirstSuccess() {
        SecretHash old = storedHash();
        hasher.configureVersion(2);

        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.VerifiedClient.class);

        SecretHash rehashed = storedHash();
        assertThat(rehashed).isNotEqualTo(old);
        assertThat(rehashed.phc()).startsWith("$fake$v=2$");
        assertThat(hasher.verify(rehashed, SECRET.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(hashUpdates).hasValue(1);

        // A cache hit has no hash at hand; a later full verification finds the fresh hash and leaves it.
        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.VerifiedClient.class);
        cache.invalidateApp(APP_ID);
        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.VerifiedClient.class);
        assertThat(hashUpdates).hasValue(1);
        assertThat(storedHash()).isEqualTo(rehashed);
    }

    @Test
    void aSecretHashedUnderTheConfiguredVersionIsNotRehashed() {
        SecretHash stored = storedHash();

        verify(CLIENT_ID, SECRET);

        assertThat(hashUpdates).hasValue(0);
        assertThat(hasher.hashCalls()).isZero();
        assertThat(storedHash()).isEqualTo(stored);
    }

    @Test
    void aRefusedSecretIsNotRehashed() {
        SecretHash old = storedHash();
        apps.put("inactive@acme", app("inactive@acme", APP_ID + 1, false, SECRET));
        hasher.configureVersion(2);
        hasher.resetCounts();

        assertThat(verify(CLIENT_ID, SECRET + "x")).isInstanceOf(Verification.Rejected.class);
        assertThat(verify("inactive@acme", SECRET)).isInstanceOf(Verification.Rejected.class);

        assertThat(hashUpdates).hasValue(0);
        assertThat(hasher.hashCalls()).isZero();
        assertThat(storedHash()).isEqualTo(old);
    }

    @Test
    void aFailedRehashDoesNotFailTheVerification() {
        SecretHash old = storedHash();
        hasher.configureVersion(2);
        hashUpdatesFail = true;

        assertThat(verify(CLIENT_ID, SECRET)).isEqualTo(new Verification.VerifiedClient(principal(APP_ID, CLIENT_ID),
                "api-client-secret"));

        assertThat(hashUpdates).hasValue(1);
        assertThat(storedHash()).isEqualTo(old);
    }

    @Test
    void aRehashThatCannotHashNowDoesNotFailTheVerification() {
        hasher.configureVersion(2);
        // The pool sheds the rehash (the verification itself was admitted).
        hasher.duringNextVerify(() -> hasher.setUnavailable(true));

        assertThat(verify(CLIENT_ID, SECRET)).isInstanceOf(Verification.VerifiedClient.class);

        hasher.setUnavailable(false);
        assertThat(hashUpdates).hasValue(0);
        assertThat(storedHash().phc()).startsWith("$fake$v=1$");
    }

    @Test
    void aSecretRegeneratedWhileTheOldOneIsVerifiedIsNotOverwrittenByTheRehash() {
        hasher.configureVersion(2);
        // An admin regenerates the secret while the old one is being verified.
        ApiClient regenerated = app(CLIENT_ID, APP_ID, true, "the-new-secret");
        hasher.duringNextVerify(() -> apps.put(CLIENT_ID, regenerated));

        verify(CLIENT_ID, SECRET);

        assertThat(hashUpdates).hasValue(1);
        assertThat(apps.get(CLIENT_ID)).isEqualTo(regenerated);
    }

    @Test
    void anEmptyIdOrSecretIsRefusedWithoutALookup() {
        assertThat(verify("", SECRET)).isEqualTo(new Verification.Rejected("client id or secret missing"));
        assertThat(verify(CLIENT_ID, "")).isEqualTo(new Verification.Rejected("client id or secret missing"));
        assertThat(lookups).hasValue(0);
    }

    @Test
    void otherSchemesAreNotThisVerifiers() {
        assertThat(verifier.verify(new PresentedCredential(CredentialSchemes.CLIENT_SECRET, SECRET, CLIENT_ID)))
                .isEqualTo(Verification.ABSTAINED);
        assertThat(verifier.verify(new PresentedCredential(CredentialSchemes.BEARER, SECRET)))
                .isEqualTo(Verification.ABSTAINED);
        assertThat(lookups).hasValue(0);
        assertThat(hasher.verifyCalls()).isZero();
    }

    @Test
    void aBusyHasherIsUnavailableNotARefusal() {
        hasher.setUnavailable(true);

        assertThatThrownBy(() -> verify(CLIENT_ID, SECRET)).isInstanceOf(UnavailableException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void reasonsNeverContainTheSecret() {
        apps.put("inactive@acme", app("inactive@acme", 13, false, SECRET));
        for (Verification v : List.of(verify(CLIENT_ID, "wrong-" + SECRET), verify("x@acme", SECRET),
                verify("inactive@acme", SECRET))) {
            assertThat(((Verification.Rejected) v).reasonForLogs()).doesNotContain(SECRET);
        }
    }
}
