package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.FailedAuthenticationLimiter;
import dev.warden.application.port.out.FailedAuthenticationLimiter.Key;
import dev.warden.application.port.out.FailedAuthenticationLimiter.KeyKind;
import dev.warden.application.port.out.FailedAuthenticationListener;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitFailedAuthenticationServiceTest {

    private static final String ADDRESS = "192.0.2.7";
    private static final Verification.Verified VALID = new Verification.Verified(
            new Principal(1, 10, "7", "pat", Instant.parse("2030-01-01T00:00:00Z")), "pat");
    private static final String PAT = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 7).encode();

    private final CountingLimiter limiter = new CountingLimiter(3);
    private final ScriptedMethods methods = new ScriptedMethods();
    private final List<String> bursts = new ArrayList<>();
    private final LimitFailedAuthenticationService service = new LimitFailedAuthenticationService(methods, limiter,
            (key, scheme) -> bursts.add(key.kind() + " " + key.value() + " " + scheme), Duration.ZERO);

    @Test
    void aRejectionCountsAgainstTheAddressAndTheTokenId() {
        methods.answer = new Verification.Rejected("wrong secret");

        assertThat(service.authenticate(bearer(PAT))).isEqualTo(methods.answer);

        assertThat(limiter.counts).containsOnly(Map.entry(new Key(KeyKind.ADDRESS, ADDRESS), 1),
                Map.entry(new Key(KeyKind.CREDENTIAL, "wdn_pat_7"), 1));
    }

    @Test
    void anAbstentionCountsTooButASuccessDoesNot() {
        methods.answer = Verification.ABSTAINED;
        service.authenticate(bearer("not-a-warden-token"));
        methods.answer = VALID;
        service.authenticate(bearer(PAT));

        assertThat(limiter.counts).containsOnly(Map.entry(new Key(KeyKind.ADDRESS, ADDRESS), 1));
    }

    @Test
    void aRememberedCredentialIsServedWithoutTheLimiterOrAFullVerification() {
        methods.remembered = VALID;

        assertThat(service.authenticate(bearer(PAT))).isEqualTo(VALID);

        assertThat(limiter.admissions).as("no admission, charge or forgiveness on the hot path").isZero();
        assertThat(methods.verifications).isZero();
    }

    @Test
    void anAttemptThatEndsInAnErrorIsNotCounted() {
        methods.failure = new IllegalStateException("hash pool full");

        assertThatThrownBy(() -> service.authenticate(bearer(PAT))).isSameAs(methods.failure);
        assertThat(limiter.counts).isEmpty();
    }

    @Test
    void refusalsOfHeldBackAttemptsAndOfAFullHashingPoolArePaced() {
        Duration delay = Duration.ofMillis(100);
        LimitFailedAuthenticationService paced = new LimitFailedAuthenticationService(methods, limiter,
                FailedAuthenticationListener.NONE, delay);
        methods.failure = new UnavailableException(SecretHasher.BUSY_ERROR_ID, "busy");
        long start = System.nanoTime();
        assertThatThrownBy(() -> paced.authenticate(bearer(PAT))).isSameAs(methods.failure);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);

        methods.failure = null;
        methods.answer = new Verification.Rejected("wrong secret");
        for (int i = 0; i < 3; i++) {
            paced.authenticate(bearer(PAT));
        }
        start = System.nanoTime();
        assertThatThrownBy(() -> paced.authenticate(bearer(PAT))).isInstanceOf(TooManyAttemptsException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void onceHeldBackAnUnrememberedCredentialIsRefusedWithoutBeingVerified() {
        methods.answer = new Verification.Rejected("wrong secret");
        for (int i = 0; i < 3; i++) {
            service.authenticate(bearer(PAT));
        }
        int verifications = methods.verifications;

        assertThatThrownBy(() -> service.authenticate(bearer(PAT)))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(CountingLimiter.WAIT));
        assertThat(methods.verifications).as("no verification, so no hash").isEqualTo(verifications);
        assertThat(bursts).containsExactly("ADDRESS " + ADDRESS + " Bearer", "CREDENTIAL wdn_pat_7 Bearer");
    }

    @Test
    void aRememberedValidCredentialIsServedWhileItsAddressAndIdAreHeldBack() {
        methods.answer = new Verification.Rejected("wrong secret");
        for (int i = 0; i < 3; i++) {
            service.authenticate(bearer(PAT));
        }
        methods.remembered = VALID;

        assertThat(service.authenticate(bearer(PAT))).isEqualTo(VALID);
    }

    @Test
    void aCredentialPresentedWithoutAnAddressCountsAgainstItsIdOnly() {
        methods.answer = new Verification.Rejected("wrong secret");
        service.authenticate(new PresentedCredential(CredentialSchemes.BEARER, PAT));

        assertThat(limiter.counts).containsOnlyKeys(new Key(KeyKind.CREDENTIAL, "wdn_pat_7"));
    }

    @Test
    void nothingIsCountedForACredentialWithNeitherAddressNorId() {
        methods.answer = new Verification.Rejected("bad assertion");
        service.authenticate(new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT, "eyJ.x.y"));

        assertThat(limiter.counts).isEmpty();
    }

    @Test
    void clientIdsCountWithoutRegardToCaseAndPerScheme() {
        assertThat(LimitFailedAuthenticationService.keys(new PresentedCredential(CredentialSchemes.CLIENT_SECRET,
                "secret", "Robot@Acme.example")))
                .containsExactly(new Key(KeyKind.CREDENTIAL, "client_secret:robot@acme.example"));
        assertThat(LimitFailedAuthenticationService.keys(new PresentedCredential(CredentialSchemes.API_CLIENT_SECRET,
                "secret", "123@warden")))
                .containsExactly(new Key(KeyKind.CREDENTIAL, "api_client_secret:123@warden"));
    }

    @Test
    void overlongClientIdsAreCountedByDigest() {
        List<Key> keys = LimitFailedAuthenticationService.keys(new PresentedCredential(CredentialSchemes.CLIENT_SECRET,
                "secret", "x".repeat(100_000)));

        assertThat(keys).hasSize(1);
        assertThat(keys.getFirst().value()).hasSizeLessThanOrEqualTo(LimitFailedAuthenticationService.MAX_ID_LENGTH);
    }

    @Test
    void ipv6AddressesCountByTheirSlash64Network() {
        assertThat(LimitFailedAuthenticationService.addressKey("2001:db8:1:2:0:0:0:1"))
                .isEqualTo(LimitFailedAuthenticationService.addressKey("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(LimitFailedAuthenticationService.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    private static PresentedCredential bearer(String token) {
        return new PresentedCredential(CredentialSchemes.BEARER, token).from(ADDRESS);
    }

    /** The methods as a script: one answer for verify, one for what they remember. */
    private static final class ScriptedMethods implements AuthenticateUseCase {
        Verification answer = Verification.ABSTAINED;
        Verification remembered = Verification.ABSTAINED;
        RuntimeException failure;
        int verifications;

        @Override
        public Verification authenticate(PresentedCredential credential) {
            verifications++;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public Verification authenticateRemembered(PresentedCredential credential) {
            return remembered;
        }
    }

    /** Holds a key back after {@code threshold} charges, for a fixed wait; no time passes. */
    private static final class CountingLimiter implements FailedAuthenticationLimiter {
        static final Duration WAIT = Duration.ofSeconds(5);
        final Map<Key, Integer> counts = new HashMap<>();
        int admissions;
        private final int threshold;

        CountingLimiter(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public Admission admit(List<Key> keys) {
            admissions++;
            if (!retryAfter(keys).isZero()) {
                return new Admission(WAIT, List.of());
            }
            List<Key> reached = new ArrayList<>();
            for (Key key : keys) {
                if (counts.merge(key, 1, Integer::sum) == threshold) {
                    reached.add(key);
                }
            }
            return new Admission(Duration.ZERO, reached);
        }

        @Override
        public void forgive(List<Key> keys) {
            keys.forEach(key -> counts.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
        }

        @Override
        public Duration retryAfter(List<Key> keys) {
            return keys.stream().anyMatch(key -> counts.getOrDefault(key, 0) >= threshold) ? WAIT : Duration.ZERO;
        }
    }
}
