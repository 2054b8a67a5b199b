package dev.warden.persistence.crypto;

import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: the {@link SecretHasher} Warden runs with. It hashes with the configured
 * algorithm and verifies every stored format it knows, whatever is configured: argon2id with any
 * parameters (on argon2's bounded pool of platform threads) and HMAC-SHA-256 under this node's key
 * (inline: it is cheap). A stored hash made otherwise than the configured algorithm would make it
 * {@linkplain #needsRehash needs a rehash}, which the verifiers do on the next successful use.
 * Argon2 outcomes are remembered per (hash, secret) pair ({@link VerificationMemo}), so argon2 runs
 * once per secret and node: not again when a cached credential expires while in use, nor when the
 * same wrong secret is tried again.
 */
public final class ConfiguredSecretHasher implements SecretHasher, AutoCloseable {

    /** As many as the verified-credential cache holds by default: one per secret in use. */
    public static final long DEFAULT_MEMO_SIZE = 100_000;

    private final HashAlgorithm algorithm;
    private final Argon2SecretHasher argon2;
    private final HmacSecretHasher hmac;
    private final SecretHasher configured;
    private final VerificationMemo memo;

    /**
     * Owns {@code argon2}: closing this hasher stops its threads. Remembers up to
     * {@value #DEFAULT_MEMO_SIZE} argon2 outcomes of each kind (see {@link VerificationMemo}).
     */
    public ConfiguredSecretHasher(HashAlgorithm algorithm, Argon2SecretHasher argon2, HmacSecretHasher hmac) {
        this(algorithm, argon2, hmac, DEFAULT_MEMO_SIZE);
    }

    /** Remembers up to {@code memoSize} argon2 outcomes of each kind, for a day after their last use. */
    public ConfiguredSecretHasher(HashAlgorithm algorithm, Argon2SecretHasher argon2, HmacSecretHasher hmac,
                                  long memoSize) {
        this.memo = new VerificationMemo(memoSize, memoSize, Duration.ofDays(1));
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.argon2 = Objects.requireNonNull(argon2, "argon2");
        this.hmac = Objects.requireNonNull(hmac, "hmac");
        this.configured = switch (algorithm) {
            case ARGON2ID -> argon2;
            case HMAC_SHA256 -> hmac;
        };
    }

    @Override
    public SecretHash hash(byte[] secret) {
        return configured.hash(secret);
    }

    @Override
    public boolean verify(SecretHash hash, byte[] secret) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(secret, "secret");
        if (Argon2SecretHasher.isArgon2id(hash)) {
            // Only argon2 is worth remembering: HMAC costs less than the memo's own key.
            Optional<Boolean> known = memo.recall(hash, secret);
            if (known.isPresent()) {
                return known.get();
            }
            boolean outcome = argon2.verify(hash, secret);
            memo.remember(hash, secret, outcome);
            return outcome;
        }
        if (HmacSecretHasher.isHmacSha256(hash)) {
            return hmac.verify(hash, secret);
        }
        return false;
    }

    @Override
    public boolean needsRehash(SecretHash hash) {
        return configured.needsRehash(hash);
    }

    /** Argon2 verifications answered from the memo since the start; for metrics and tests. */
    public long rememberedVerifications() {
        return memo.hits();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void close() {
        argon2.close();
    }

    @Override
    public String toString() {
        return "ConfiguredSecretHasher[" + algorithm.configName() + "]";
    }
}
