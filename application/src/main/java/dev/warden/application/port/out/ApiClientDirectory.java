package dev.warden.application.port.out;

import dev.warden.domain.token.SecretHash;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven port: the API applications that may call introspection, found by OAuth client id,
 * with what authenticates them. Read on the hot path: implementations cache, and forget on
 * {@code CLIENT_CHANGED}.
 */
public interface ApiClientDirectory {

    Optional<ApiClient> findByClientId(String clientId);

    /**
     * Replaces the stored hash of the application's secret with {@code replacement} if it is still
     * {@code expected}, and changes nothing else (the app's sequence stays): a rehash of the same
     * secret with another algorithm or cost, not a new secret. False, having stored nothing, when the
     * app is gone or its hash is no longer {@code expected} (a regenerated secret or a concurrent
     * rehash won). Writes nothing to the change feed: the secret is unchanged, so what any node
     * verified with the old hash is still true. Here rather than on {@code ApiAppRepository}: the
     * secret verifier reads the hash through this port, and a caching implementation must forget the
     * old hash when it replaces it.
     */
    boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement);

    /**
     * An API application as introspection sees it. {@code active} is true only when the app, its
     * project and its organization are all active.
     */
    record ApiClient(long appId, long projectId, long orgId, String clientId, boolean active,
                     Optional<SecretHash> secret, List<ApiClientKey> keys) {
        public ApiClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            keys = List.copyOf(keys);
        }
    }

    /** A public key of an API application (its private half is in the key file the admin downloaded). */
    record ApiClientKey(long keyId, String publicKeyPem, Instant expiresAt) {
        public ApiClientKey {
            Objects.requireNonNull(publicKeyPem, "publicKeyPem");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
