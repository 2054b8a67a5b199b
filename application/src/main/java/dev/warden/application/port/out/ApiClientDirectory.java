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
