package dev.warden.application.port.out;

import dev.warden.domain.app.AppKey;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.Optional;

/**
 * Driven port: the public keys of API applications. Every change writes {@code CLIENT_CHANGED}
 * with the app id in the same transaction.
 */
public interface AppKeyRepository {

    Optional<AppKey> findById(long id);

    /** Stores a new key; false, having stored nothing, when its app is gone. */
    boolean insert(AppKey key);

    boolean remove(long keyId);

    /** The app's keys ordered by creation, expired ones included. */
    Page<AppKey> findByApp(long appId, PageRequest page);
}
