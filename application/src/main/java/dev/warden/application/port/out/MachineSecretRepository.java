package dev.warden.application.port.out;

import dev.warden.domain.serviceuser.MachineSecret;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Driven port: the stored client secrets of machine users (hashes only), at most one per user.
 * Every change also writes {@code USER_CHANGED} for the user to the change feed in the same
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

    /** Those of {@code userIds} whose users have a secret. */
    Set<Long> usersWithSecret(Collection<Long> userIds);
}
