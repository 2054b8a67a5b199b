package dev.warden.application.port.in;

import dev.warden.domain.signing.SigningKeyInfo;

import java.util.Objects;

/** One signing key as administrators see it (no key material). */
public record SigningKeyResult(SigningKeyInfo key) {
    public SigningKeyResult {
        Objects.requireNonNull(key, "key");
    }
}
