package dev.warden.application.port.out;

import dev.warden.domain.token.SecretHash;

/**
 * Driven port: slow, salted hashing of secrets (argon2id in production). Implementations bound
 * their concurrency and throw {@link dev.warden.application.error.UnavailableException} when
 * they shed load rather than queue without limit.
 */
public interface SecretHasher {

    SecretHash hash(byte[] secret);

    /** Constant-time comparison of the secret with the stored hash. */
    boolean verify(SecretHash hash, byte[] secret);
}
