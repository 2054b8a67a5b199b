package dev.warden.application.port.out;

import dev.warden.domain.token.SecretHash;

/**
 * Driven port: salted hashing of secrets in PHC string format, with the algorithm chosen by
 * configuration (argon2id by default, a keyed HMAC-SHA-256 for very large deployments). Every
 * stored hash names its algorithm and parameters, so a hasher verifies the formats it knows
 * whatever it is configured to produce. Implementations bound their slow work and throw {@link
 * dev.warden.application.error.UnavailableException} when they shed load rather than queue
 * without limit.
 */
public interface SecretHasher {

    /** The error id of the {@link dev.warden.application.error.UnavailableException} with which a hasher sheds load. */
    String BUSY_ERROR_ID = "HASH-busy";

    /** A fresh hash of the secret with the configured algorithm and parameters. */
    SecretHash hash(byte[] secret);

    /**
     * Constant-time comparison of the secret with the stored hash, whichever known algorithm and
     * parameters made it; false for a hash it cannot read or check (unknown format, tampered, or
     * keyed with a key it does not hold).
     */
    boolean verify(SecretHash hash, byte[] secret);

    /**
     * Whether {@code hash} was made otherwise than {@link #hash} would make it now: another
     * algorithm, other parameters or another key. A caller that has just verified a secret against
     * such a hash should store a fresh hash of it. Reads the PHC string only; hashes nothing.
     */
    boolean needsRehash(SecretHash hash);
}
