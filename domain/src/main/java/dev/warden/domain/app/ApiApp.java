package dev.warden.domain.app;

import dev.warden.domain.token.SecretHash;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API application of a project: an OAuth client that may call introspection. Its client id is
 * a fresh numeric id distinct from the app id; its client secret, if it has one, is stored only
 * as a hash. The name is unique per project.
 */
public record ApiApp(long id, long projectId, long orgId, String name, String clientId, ApiAuthMethod authMethod,
                     AppState state, Optional<SecretHash> secret, long sequence, Instant createdAt,
                     Instant changedAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public ApiApp {
        if (id <= 0 || projectId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("app name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (clientId.isEmpty() || clientId.length() > 200) {
            throw new IllegalArgumentException("client id must have 1 to 200 characters");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** A new active app; a BASIC app gets {@code secretOrNull}, which must then be present. */
    public static ApiApp create(long id, long projectId, long orgId, String name, long clientId,
                                ApiAuthMethod authMethod, SecretHash secretOrNull, Instant now) {
        if (clientId == id) {
            throw new IllegalArgumentException("the client id must differ from the app id");
        }
        if ((authMethod == ApiAuthMethod.BASIC) != (secretOrNull != null)) {
            throw new IllegalArgumentException("a BASIC app has a secret, a PRIVATE_KEY_JWT app none");
        }
        return new ApiApp(id, projectId, orgId, name, Long.toString(clientId), authMethod, AppState.ACTIVE,
                Optional.ofNullable(secretOrNull), 1, now, now);
    }

    public ApiApp withName(String newName, Instant now) {
        return new ApiApp(id, projectId, orgId, newName, clientId, authMethod, state, secret, sequence + 1,
                createdAt, now);
    }

    /** Switching the method neither creates nor clears a secret or keys (contract §4.4). */
    public ApiApp withAuthMethod(ApiAuthMethod newMethod, Instant now) {
        return new ApiApp(id, projectId, orgId, name, clientId, newMethod, state, secret, sequence + 1, createdAt,
                now);
    }

    public ApiApp withSecret(SecretHash newSecret, Instant now) {
        return new ApiApp(id, projectId, orgId, name, clientId, authMethod, state,
                Optional.of(Objects.requireNonNull(newSecret, "newSecret")), sequence + 1, createdAt, now);
    }

    public ApiApp withState(AppState newState, Instant now) {
        return new ApiApp(id, projectId, orgId, name, clientId, authMethod, newState, secret, sequence + 1,
                createdAt, now);
    }
}
