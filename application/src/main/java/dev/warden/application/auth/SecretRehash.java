package dev.warden.application.auth;

import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;

import java.util.Objects;

/**
 * Transparent rehash: after a secret was verified against its stored hash, and the verification
 * succeeded in full, a hash made with another algorithm or other parameters than the configured
 * ones is replaced by a fresh hash of the presented secret. This is how a change of {@code
 * warden.hash.algorithm} or of the argon2 cost reaches every stored secret: each on its next
 * successful use, without the secrets ever being known to anyone but their holders.
 *
 * <p>A rehash is an optimisation, never a condition of authentication: a failure to hash (the pool
 * shedding load) or to store (the database, a concurrent rotation) is logged without any secret and
 * the caller's verification stands. Stores are conditional on the old hash, so of two nodes that
 * rehash the same secret at once, one stores and the other changes nothing; a concurrent rotation
 * of the secret always wins.
 */
public final class SecretRehash {

    private static final System.Logger LOGGER = System.getLogger(SecretRehash.class.getName());

    /** Stores {@code replacement} in place of {@code expected}; false when the stored hash is no longer {@code expected}. */
    @FunctionalInterface
    public interface HashStore {
        boolean replace(SecretHash expected, SecretHash replacement);
    }

    private SecretRehash() {
    }

    /**
     * Call only after {@code secret} was verified against {@code stored} and the whole verification
     * succeeded. Rehashes when {@code stored} {@linkplain SecretHasher#needsRehash needs it}; never
     * throws.
     *
     * @param subject names the credential in the log (an id; never a secret)
     * @return whether a fresh hash was stored
     */
    public static boolean ifNeeded(SecretHasher hasher, SecretHash stored, byte[] secret, HashStore store,
                                   String subject) {
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(store, "store");
        try {
            if (!hasher.needsRehash(stored)) {
                return false;
            }
            boolean replaced = store.replace(stored, hasher.hash(secret));
            LOGGER.log(System.Logger.Level.DEBUG, () -> replaced
                    ? "Rehashed the secret of " + subject + " with the configured algorithm"
                    : "Did not rehash the secret of " + subject + ": its stored hash changed meanwhile");
            return replaced;
        } catch (RuntimeException e) {
            // Only the failure's type and message: neither carries the secret, and the stack of a
            // database failure says nothing an operator needs here.
            LOGGER.log(System.Logger.Level.INFO, "Could not rehash the secret of " + subject
                    + "; it stays usable with its old hash and is rehashed on a later use: " + e);
            return false;
        }
    }
}
