package dev.warden.persistence.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.warden.domain.token.SecretHash;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Outcomes of slow hash verifications, remembered per exact (stored hash, presented secret) pair.
 *
 * <p>A verification is a pure function of that pair, so a remembered outcome is the outcome: no
 * staleness is possible. A changed or rehashed secret has another stored hash, hence another key.
 * What this saves: a valid secret whose verified-credential entry expired (every cache TTL while
 * it stays in use) is re-checked with one database read instead of argon2; and repeating a wrong
 * secret for a known id, or any secret for an unknown id (checked against the dummy hash), costs
 * no new hash after the first time.
 *
 * <p>Keys are an HMAC of the pair under a random key that never leaves this process, so the memo
 * holds nothing that would help anyone guess a secret offline. Successes and failures are kept in
 * separate bounded caches, so that a flood of wrong guesses cannot evict the valid secrets.
 */
final class VerificationMemo {

    private static final String MAC = "HmacSHA256";

    private final Cache<Key, Boolean> succeeded;
    private final Cache<Key, Boolean> failed;
    private final SecretKeySpec key;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param maxSucceeded most remembered successes (one per secret in use is enough)
     * @param maxFailed    most remembered failures
     * @param idle         how long an outcome is kept after its last use
     */
    VerificationMemo(long maxSucceeded, long maxFailed, Duration idle) {
        if (maxSucceeded < 1 || maxFailed < 1) {
            throw new IllegalArgumentException("memo sizes must be at least 1");
        }
        this.succeeded = Caffeine.newBuilder().maximumSize(maxSucceeded).expireAfterAccess(idle)
                .executor(Runnable::run).build();
        this.failed = Caffeine.newBuilder().maximumSize(maxFailed).expireAfterAccess(idle)
                .executor(Runnable::run).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
    }

    /** The remembered outcome of verifying {@code secret} against {@code hash}, if any. */
    Optional<Boolean> recall(SecretHash hash, byte[] secret) {
        Key k = keyOf(hash, secret);
        Boolean outcome = succeeded.getIfPresent(k);
        if (outcome == null) {
            outcome = failed.getIfPresent(k);
        }
        if (outcome == null) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(outcome);
    }

    void remember(SecretHash hash, byte[] secret, boolean outcome) {
        (outcome ? succeeded : failed).put(keyOf(hash, secret), outcome);
    }

    /** Verifications answered from memory; for metrics and tests. */
    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private Key keyOf(SecretHash hash, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            byte[] phc = hash.phc().getBytes(StandardCharsets.US_ASCII);
            // Length-prefixed: no other (hash, secret) pair feeds the same bytes.
            mac.update(ByteBuffer.allocate(4).putInt(phc.length).array());
            mac.update(phc);
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(secret));
            return new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** 256 bits of HMAC output; a record gives cheap equality and hashing. */
    private record Key(long a, long b, long c, long d) {
    }
}
