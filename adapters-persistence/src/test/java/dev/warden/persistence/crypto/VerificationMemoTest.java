package dev.warden.persistence.crypto;

import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationMemoTest {

    private static final SecretHash HASH = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final SecretHash OTHER_HASH = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaB");
    private static final byte[] SECRET = bytes("wdn_pat_secret");

    private final VerificationMemo memo = new VerificationMemo(100, 100, Duration.ofHours(1));

    @Test
    void recallsExactlyTheRememberedPair() {
        assertThat(memo.recall(HASH, SECRET)).isEmpty();

        memo.remember(HASH, SECRET, true);

        assertThat(memo.recall(HASH, SECRET)).contains(true);
        assertThat(memo.recall(OTHER_HASH, SECRET)).as("another stored hash (changed or rehashed)").isEmpty();
        assertThat(memo.recall(HASH, bytes("wdn_pat_secreT"))).as("another secret").isEmpty();
        assertThat(memo.hits()).isEqualTo(1);
        assertThat(memo.misses()).isEqualTo(3);
    }

    @Test
    void remembersFailuresApartFromSuccesses() {
        memo.remember(HASH, SECRET, false);
        memo.remember(OTHER_HASH, SECRET, true);

        assertThat(memo.recall(HASH, SECRET)).contains(false);
        assertThat(memo.recall(OTHER_HASH, SECRET)).contains(true);
    }

    @Test
    void pairsThatConcatenateAlikeAreDifferentKeys() {
        // "…aGFzaA" + "Xsecret" and "…aGFzaAX" + "secret" feed the same bytes without the length prefix.
        SecretHash longer = new SecretHash(HASH.phc() + "X");
        memo.remember(HASH, bytes("Xsecret"), true);

        assertThat(memo.recall(longer, bytes("secret"))).isEmpty();
    }

    @Test
    void aFloodOfFailuresDoesNotEvictSuccesses() {
        VerificationMemo small = new VerificationMemo(10, 10, Duration.ofHours(1));
        small.remember(HASH, SECRET, true);
        for (int i = 0; i < 10_000; i++) {
            small.remember(HASH, bytes("wrong-" + i), false);
        }

        assertThat(small.recall(HASH, SECRET)).contains(true);
    }

    @Test
    void isBoundedInSize() {
        VerificationMemo small = new VerificationMemo(10, 10, Duration.ofHours(1));
        for (int i = 0; i < 1_000; i++) {
            small.remember(HASH, bytes("secret-" + i), true);
        }
        int remembered = 0;
        for (int i = 0; i < 1_000; i++) {
            if (small.recall(HASH, bytes("secret-" + i)).isPresent()) {
                remembered++;
            }
        }

        assertThat(remembered).isBetween(1, 10);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
