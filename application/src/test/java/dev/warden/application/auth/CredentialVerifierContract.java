package dev.warden.application.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Contract every {@link CredentialVerifier} passes: subclass it, supply a fresh verifier and a
 * credential it must accept. The contract checks that garbage never throws and is never verified,
 * that other methods' credentials are never verified, and that the valid credential is.
 */
public abstract class CredentialVerifierContract {

    /** The verifier under test. Called once or more per test; may return the same instance. */
    protected abstract CredentialVerifier verifier();

    /** A credential {@link #verifier()} must accept, set up by the subclass. */
    protected abstract PresentedCredential validCredential();

    /**
     * Whether each credential is accepted once only (an RFC 7523 assertion): {@link
     * #validCredential()} then returns a fresh one per call, the same credential is verified
     * exactly once, however many ask at once, and two fresh ones name the same principal.
     */
    protected boolean singleUse() {
        return false;
    }

    /**
     * Typical credentials of other methods. The verifier may abstain or reject them, never verify
     * them. Subclasses may add their own; a verifier that owns one of these kinds should override.
     */
    protected List<PresentedCredential> otherMethodsCredentials() {
        return List.of(
                new PresentedCredential("Bearer", "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ"
                        + ".eyJzdWIiOiIxIiwiYXVkIjoieCIsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmF0dXJl"),
                new PresentedCredential("Bearer", "wdn_at_" + "A".repeat(59)),
                new PresentedCredential("Bearer", "dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59lW9DDCq1y4m7sBmWs"),
                new PresentedCredential("Basic", "c2VydmljZS11c2VyOnMzY3IzdA=="),
                new PresentedCredential("Digest", "username=\"x\", realm=\"y\", nonce=\"z\""),
                new PresentedCredential("DPoP", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln"),
                new PresentedCredential("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"));
    }

    @Test
    void schemeIsNotBlank() {
        assertThat(verifier().scheme()).isNotBlank();
    }

    @Test
    void validCredentialIsVerified() {
        Verification verification = verifier().verify(validCredential());

        assertThat(verification).isInstanceOfAny(Verification.Verified.class, Verification.VerifiedClient.class);
        if (verification instanceof Verification.Verified verified) {
            assertThat(verified.method()).isNotBlank().isEqualTo(verified.principal().method());
        } else if (verification instanceof Verification.VerifiedClient verified) {
            assertThat(verified.method()).isNotBlank().isEqualTo(verified.client().method());
        }
    }

    @Test
    void validCredentialIsVerifiedAgainWithTheSamePrincipal() {
        Verification first = verifier().verify(validCredential());
        Verification second = verifier().verify(validCredential());

        assertThat(succeeded(second)).as("verified: %s", second).isTrue();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void singleUseCredentialIsRefusedTheSecondTime() {
        PresentedCredential once = validCredential();
        Verification first = verifier().verify(once);
        Verification second = verifier().verify(once);

        assertThat(succeeded(first)).as("verified: %s", first).isTrue();
        if (singleUse()) {
            assertThat(second).isInstanceOf(Verification.Rejected.class);
        } else {
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void garbageNeverThrowsAndIsNeverVerified() {
        assertAll(garbage().stream().map(value -> (Executable) () -> assertRefusedQuietly(value)));
    }

    @Test
    void validCredentialWithOneCharacterMissingOrAddedIsNeverVerified() {
        String valid = validCredential().value();
        List<String> near = new ArrayList<>();
        near.add(valid.substring(0, valid.length() - 1));
        near.add(valid.substring(1));
        for (String extra : List.of("A", "x", "0", "_", "-", "=", " ", "\n", "\u0000", "é")) {
            near.add(valid + extra);
            near.add(extra + valid);
        }
        assertAll(near.stream().map(value -> (Executable) () -> assertRefusedQuietly(value)));
    }

    @Test
    void otherMethodsCredentialsAreAbstainedOrRejected() {
        assertAll(otherMethodsCredentials().stream().map(credential -> (Executable) () -> {
            Verification verification = verifyQuietly(credential);
            assertThat(verification)
                    .as("verification of %s", credential)
                    .isInstanceOfAny(Verification.Abstained.class, Verification.Rejected.class);
        }));
    }

    @Test
    void concurrentVerificationsOfTheValidCredentialAllSucceed() throws Exception {
        CredentialVerifier verifier = verifier();
        PresentedCredential valid = validCredential();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Verification>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> verifier.verify(valid));
            }
            int verified = 0;
            for (Future<Verification> result : pool.invokeAll(calls)) {
                if (singleUse()) {
                    assertThat(succeeded(result.get()) || result.get() instanceof Verification.Rejected).isTrue();
                } else {
                    assertThat(succeeded(result.get())).as("verified: %s", result.get()).isTrue();
                }
                verified += succeeded(result.get()) ? 1 : 0;
            }
            assertThat(verified).isEqualTo(singleUse() ? 1 : calls.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rememberedAnswerIsNothingBeforeAVerificationAndTheVerifiedPrincipalAfterIt() {
        PresentedCredential valid = validCredential();
        Verification before = verifier().verifyRemembered(valid);
        Verification verified = verifier().verify(valid);
        Verification after = verifier().verifyRemembered(valid);

        // Other contract tests may have verified the credential already: then it may be remembered.
        assertThat(before).isIn(Verification.ABSTAINED, verified);
        if (singleUse()) {
            assertThat(succeeded(after)).as("a used single-use credential is not remembered as valid").isFalse();
        } else {
            assertThat(after).as("remembered: nothing, or what verify said").isIn(Verification.ABSTAINED, verified);
        }
    }

    @Test
    void rememberedAnswerNeverVerifiesGarbageOrOtherMethodsCredentials() {
        PresentedCredential valid = validCredential();
        List<PresentedCredential> refused = new ArrayList<>(otherMethodsCredentials());
        garbage().forEach(value -> refused.add(new PresentedCredential(verifier().scheme(), value, valid.clientId(),
                valid.request())));
        assertAll(refused.stream().map(credential -> (Executable) () -> {
            Verification[] result = new Verification[1];
            assertThatCode(() -> result[0] = verifier().verifyRemembered(credential))
                    .as("verifyRemembered(%s) must not throw", credential)
                    .doesNotThrowAnyException();
            assertThat(succeeded(result[0])).as("remembered as valid: %s", credential).isFalse();
        }));
    }

    /** A user or an API client was verified. */
    private static boolean succeeded(Verification verification) {
        return verification instanceof Verification.Verified || verification instanceof Verification.VerifiedClient;
    }

    /** Values that are no credential of any kind, presented under the verifier's own scheme. */
    protected List<String> garbage() {
        List<String> values = new ArrayList<>(List.of(
                "", " ", "   ", "\t", "\r\n", "\u0000", "\u0000\u0001\u0002\u001f\u007f",
                "Bearer", "null", "undefined", "{}", "[]", "' OR '1'='1", "../../etc/passwd", "%00",
                "ünïcødé-tøkén", "токен", "令牌令牌令牌", "😀😀😀😀", "\uD800", "\uFFFF\uFFFE",
                "a".repeat(16 * 1024), "wdn_pat_".repeat(2048), "=".repeat(100)));
        String valid = validCredential().value();
        String head = valid.substring(0, Math.min(8, valid.length()));
        Random random = new Random(20_240_101L);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(i < 100 ? 80 : 600)];
            random.nextBytes(bytes);
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            values.add(latin1);
            // Behind a plausible head the garbage reaches the deeper checks of the verifier.
            values.add(head + latin1);
            values.add(head + latin1.substring(0, Math.min(latin1.length(), Math.max(0, valid.length() - head.length()))));
        }
        return values;
    }

    private void assertRefusedQuietly(String value) {
        // With the valid credential's client id and request, so only the value can be what fails.
        PresentedCredential valid = validCredential();
        Verification verification = verifyQuietly(new PresentedCredential(verifier().scheme(), value,
                valid.clientId(), valid.request()));
        assertThat(verification)
                .as("verification of a %d-char value", value.length())
                .isNotNull()
                .isNotInstanceOf(Verification.Verified.class)
                .isNotInstanceOf(Verification.VerifiedClient.class);
        if (verification instanceof Verification.Rejected rejected && value.length() >= 16) {
            assertThat(rejected.reasonForLogs()).as("reason for logs").doesNotContain(value);
        }
    }

    private Verification verifyQuietly(PresentedCredential credential) {
        Verification[] result = new Verification[1];
        assertThatCode(() -> result[0] = verifier().verify(credential))
                .as("verify(%s) must not throw", credential)
                .doesNotThrowAnyException();
        return result[0];
    }
}
