package dev.warden.persistence.crypto;

import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;

import java.util.Objects;

/**
 * Driven adapter: the {@link SecretHasher} Warden runs with. It hashes with the configured
 * algorithm and verifies every stored format it knows, whatever is configured: argon2id with any
 * parameters (on argon2's bounded pool of platform threads) and HMAC-SHA-256 under this node's key
 * (inline: it is cheap). A stored hash made otherwise than the configured algorithm would make it
 * {@linkplain #needsRehash needs a rehash}, which the verifiers do on the next successful use.
 */
public final class ConfiguredSecretHasher implements SecretHasher, AutoCloseable {

    private final HashAlgorithm algorithm;
    private final Argon2SecretHasher argon2;
    private final HmacSecretHasher hmac;
    private final SecretHasher configured;

    /** Owns {@code argon2}: closing this hasher stops its threads. */
    public ConfiguredSecretHasher(HashAlgorithm algorithm, Argon2SecretHasher argon2, HmacSecretHasher hmac) {
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
            return argon2.verify(hash, secret);
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
