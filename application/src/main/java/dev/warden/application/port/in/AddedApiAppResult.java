package dev.warden.application.port.in;

import dev.warden.domain.app.ApiApp;

import java.util.Objects;

/**
 * A new API application and, for BASIC, its client secret in plain text: shown once, never again.
 *
 * @param clientSecret null for PRIVATE_KEY_JWT
 */
public record AddedApiAppResult(ApiApp app, String clientSecret) {
    public AddedApiAppResult {
        Objects.requireNonNull(app, "app");
    }

    @Override
    public String toString() {
        return "AddedApiAppResult[" + app.id() + ", clientSecret=" + (clientSecret == null ? "none" : "redacted") + "]";
    }
}
