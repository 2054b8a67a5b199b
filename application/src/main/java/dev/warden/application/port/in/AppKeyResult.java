package dev.warden.application.port.in;

import dev.warden.domain.app.AppKey;

import java.util.Objects;

/** An application key's metadata. */
public record AppKeyResult(AppKey key) {
    public AppKeyResult {
        Objects.requireNonNull(key, "key");
    }
}
