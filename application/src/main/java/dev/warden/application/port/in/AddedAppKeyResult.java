package dev.warden.application.port.in;

import dev.warden.domain.app.AppKey;

import java.util.Objects;

/** A new application key and its key file's JSON (with the private key): shown once, never again. */
public record AddedAppKeyResult(AppKey key, byte[] keyFile) {
    public AddedAppKeyResult {
        Objects.requireNonNull(key, "key");
        keyFile = Objects.requireNonNull(keyFile, "keyFile").clone();
    }

    @Override
    public byte[] keyFile() {
        return keyFile.clone();
    }

    @Override
    public String toString() {
        return "AddedAppKeyResult[" + key.id() + ", keyFile=redacted]";
    }
}
