package dev.warden.application.port.in;

import dev.warden.domain.app.ApiApp;

import java.util.Objects;

/** An API application (its secret hash is never shown). */
public record ApiAppResult(ApiApp app) {
    public ApiAppResult {
        Objects.requireNonNull(app, "app");
    }
}
