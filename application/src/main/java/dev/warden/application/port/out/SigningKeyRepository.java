package dev.warden.application.port.out;

import dev.warden.domain.signing.SigningKeyInfo;

import java.util.List;

/**
 * Driven port: the administration of Warden's signing keys (the keys themselves are used through
 * {@link SigningKeys}). A rotation is visible to every node: it is recorded in the change feed in
 * the transaction that makes it.
 */
public interface SigningKeyRepository {

    /** The keys that are still published, the active one first, then newest first. */
    List<SigningKeyInfo> findPublished();

    /**
     * Creates a new key and makes it the signing key; the previous one stays published until
     * every token it signed has expired. This node signs with the new key when this returns.
     */
    SigningKeyInfo rotate();
}
