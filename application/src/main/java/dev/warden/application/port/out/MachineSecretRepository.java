package dev.warden.application.port.out;

import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.token.SecretHash;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Driven port: the stored client secrets of machine users (hashes only), at most one per user.
 * Every change of a secret also writes {@code USER_CHANGED} for the user to the change feed in the same
 * transaction, so that every node drops what it verified with the old secret. A user's removal
 * removes its secret.
 */
public interface MachineSecretRepository {

    Optional<MachineSecret> find(long userId);

    /**
     * Stores the secret, replacing the user's previous one (the last write wins). False, having
     * stored nothing, when the user does not exist (any more).
     */
    boolean save(MachineSecret secret);

    /** Deletes the user's secret; false when it had none. */
    boolean remove(long userId);

    /**
     * Replaces the stored hash of the user's secret with {@code replacement} if it is still
     * {@code expected}, and changes nothing else (sequence and times stay): a rehash of the same
     * secret with another algorithm or cost, not a new secret. False, having stored nothing, when the
     * user has no secret or its hash is no longer {@code expected} (a concurrent new secret or rehash
     * won). Unlike the other writes it writes nothing to the change feed: the secret is unchanged, so
     * what any node verified with the old hash is still true, and evicting it would only make every
     * node pay for the hash again.
     */
    boolean updateSecretHash(long userId, SecretHash expected, SecretHash replacement);

    /** Those of {@code userIds} whose users have a secret. */
    Set<Long> usersWithSecret(Collection<Long> userIds);
}
