package dev.warden.domain.principal;

import java.util.Objects;

/**
 * An authenticated API application (a resource server calling introspection): the app, its
 * project and organization, its OAuth client id, and the credential it used (secret or key id).
 */
public record ClientPrincipal(long appId, long projectId, long orgId, String clientId, String credentialId,
                              String method) {
    public ClientPrincipal {
        if (appId <= 0 || projectId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(method, "method");
    }
}
