package dev.warden.application.port.out;

import dev.warden.domain.key.MachineKey;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Optional;

/** Driven port: stored machine keys (public keys and metadata; never a private key). */
public interface MachineKeyRepository {

    Optional<MachineKey> findById(long id);

    /** Stores a new key; fails like a foreign key when its user does not exist (any more). */
    void insert(MachineKey key);

    /**
     * Deletes the key and writes {@code CREDENTIAL_REVOKED} with the key's id to the change feed in
     * the same transaction, so that every node forgets what it verified with the key; false when unknown.
     */
    boolean remove(long keyId);

    /** The user's keys ordered by creation (direction from the page request). */
    Page<MachineKey> findByUser(long userId, PageRequest page);
}
